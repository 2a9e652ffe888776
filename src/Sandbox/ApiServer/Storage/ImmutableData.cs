using System.Text.Json.Nodes;
using CiBridge.Sandbox.ApiServer.Http;

namespace CiBridge.Sandbox.ApiServer.Storage;

/// <summary>
/// Secrets and ConfigMaps with <c>immutable: true</c>: kube's update validation forbids changing
/// their data or unsetting the flag (422, <c>field is immutable when `immutable` is set</c>).
/// </summary>
internal static class ImmutableData
{
    private const string Message = "Forbidden: field is immutable when `immutable` is set";

    public static void CheckUpdate(RequestScope scope, JsonObject old, JsonObject next)
    {
        if (scope.Type.Group.Length != 0 || scope.Type.Kind is not ("Secret" or "ConfigMap")) return;
        if (JsonNumbers.AsBool(old["immutable"]) != true) return;
        var errors = new List<(string, string, string)>();
        if (JsonNumbers.AsBool(next["immutable"]) != true) errors.Add(("immutable", "FieldValueForbidden", Message));
        var fields = scope.Type.Kind == "Secret" ? new[] { "data" } : ["data", "binaryData"];
        foreach (var field in fields)
        {
            if (!JsonNode.DeepEquals(Empty(old[field]), Empty(next[field]))) errors.Add((field, "FieldValueForbidden", Message));
        }
        if (errors.Count > 0) throw StatusObjects.Invalid(scope.Type, ObjectMeta.Name(old), errors);
    }

    private static JsonNode? Empty(JsonNode? map) => map is JsonObject { Count: 0 } ? null : map;
}
