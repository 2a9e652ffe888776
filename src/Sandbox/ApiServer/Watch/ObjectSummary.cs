using System.Text.Json.Nodes;

namespace CiBridge.Sandbox.ApiServer.Watch;

/// <summary>The parts of an object that selectors look at, extracted once so watchers need not parse JSON.</summary>
internal sealed record ObjectSummary(string Namespace, string Name, IReadOnlyDictionary<string, string> Labels, IReadOnlyDictionary<string, string> Fields)
{
    public static ObjectSummary Of(JsonObject obj)
    {
        var metadata = obj["metadata"] as JsonObject;
        var ns = metadata?["namespace"]?.GetValue<string>() ?? "";
        var name = metadata?["name"]?.GetValue<string>() ?? "";
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (metadata?["labels"] is JsonObject labelMap)
        {
            foreach (var (key, value) in labelMap) labels[key] = value?.ToString() ?? "";
        }
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["metadata.name"] = name,
            ["metadata.namespace"] = ns,
        };
        AddFlat(fields, obj["involvedObject"] as JsonObject, "involvedObject.");
        AddFlat(fields, obj["involvedObject"] as JsonObject, "regarding.");
        if (obj["type"] is JsonValue type && type.TryGetValue<string>(out var typeText)) fields["type"] = typeText;
        if (obj["reason"] is JsonValue reason && reason.TryGetValue<string>(out var reasonText)) fields["reason"] = reasonText;
        return new ObjectSummary(ns, name, labels, fields);
    }

    private static void AddFlat(Dictionary<string, string> fields, JsonObject? source, string prefix)
    {
        if (source is null) return;
        foreach (var (key, value) in source)
        {
            if (value is JsonValue scalar) fields[prefix + key] = scalar.ToString();
        }
    }
}
