using System.Text.Json.Nodes;

namespace CiBridge.Sandbox.ApiServer.Storage;

/// <summary>What the apiextensions controllers write on a CRD: accepted names and Established/NamesAccepted.</summary>
internal static class CrdStatus
{
    public static void Accept(JsonObject crd, string now)
    {
        var old = crd["status"]?["conditions"] as JsonArray;
        var status = new JsonObject
        {
            ["conditions"] = new JsonArray(
                Condition("NamesAccepted", "NoConflicts", "no conflicts found", Since(old, "NamesAccepted", now)),
                Condition("Established", "InitialNamesAccepted", "the initial names have been accepted", Since(old, "Established", now))),
            ["acceptedNames"] = crd["spec"]?["names"]?.DeepClone(),
            ["storedVersions"] = new JsonArray([.. (crd["spec"]?["versions"] as JsonArray ?? [])
                .Where(v => JsonNumbers.AsBool(v?["storage"]) == true)
                .Select(v => (JsonNode?)JsonValue.Create(v?["name"]?.ToString()))]),
        };
        crd["status"] = status;
    }

    private static string Since(JsonArray? old, string type, string now) =>
        old?.FirstOrDefault(c => c?["type"]?.ToString() == type)?["lastTransitionTime"]?.ToString() ?? now;

    private static JsonObject Condition(string type, string reason, string message, string since) => new()
    {
        ["type"] = type,
        ["status"] = "True",
        ["lastTransitionTime"] = since,
        ["reason"] = reason,
        ["message"] = message,
    };
}
