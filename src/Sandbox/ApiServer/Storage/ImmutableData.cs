using System.Text.Json.Nodes;
using CiBridge.Sandbox.ApiServer.Resources;

namespace CiBridge.Sandbox.ApiServer.Storage;

/// <summary>
/// Secrets and ConfigMaps with <c>immutable: true</c>: kube's update validation forbids changing
/// their data or unsetting the flag (422, <c>field is immutable when `immutable` is set</c>).
/// </summary>
internal static class ImmutableData
{
    private const string Message = "Forbidden: field is immutable when `immutable` is set";

    public static IEnumerable<(string, string, string)> Check(ResourceType type, JsonObject old, JsonObject next)
    {
        if (JsonNumbers.AsBool(old["immutable"]) != true) yield break;
        if (JsonNumbers.AsBool(next["immutable"]) != true) yield return ("immutable", "FieldValueForbidden", Message);
        var fields = type.Kind == "Secret" ? new[] { "data" } : ["data", "binaryData"];
        foreach (var field in fields)
        {
            if (!JsonNode.DeepEquals(Empty(old[field]), Empty(next[field]))) yield return (field, "FieldValueForbidden", Message);
        }
    }

    private static JsonNode? Empty(JsonNode? map) => map is JsonObject { Count: 0 } ? null : map;
}
