using System.Text.Json.Nodes;

namespace CiBridge.Kubernetes.Helpers;

/// <summary>Computes the RFC 7386 merge patch that turns one JSON document into another.</summary>
public static class JsonMergePatch
{
    /// <summary>The patch; an empty object when the documents are equal, null when <paramref name="to"/> is null.</summary>
    public static JsonNode? Create(JsonNode? from, JsonNode? to)
    {
        if (from is not JsonObject source || to is not JsonObject target) return to?.DeepClone();
        var patch = new JsonObject();
        foreach (var (key, _) in source)
        {
            if (!target.ContainsKey(key)) patch[key] = null;
        }
        foreach (var (key, value) in target)
        {
            if (!source.TryGetPropertyValue(key, out var old))
            {
                patch[key] = value?.DeepClone();
            }
            else if (!JsonNode.DeepEquals(old, value))
            {
                patch[key] = old is JsonObject && value is JsonObject ? Create(old, value) : value?.DeepClone();
            }
        }
        return patch;
    }
}
