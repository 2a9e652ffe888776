using System.Text.Json.Nodes;
using static CiBridge.Sandbox.ApiServer.Schema.SchemaKeywords;

namespace CiBridge.Sandbox.ApiServer.Schema;

/// <summary>Removes unknown fields, as kube-apiserver prunes structural schemas.</summary>
internal static class SchemaPruner
{
    private static readonly HashSet<string> s_rootFields = ["apiVersion", "kind", "metadata"];

    /// <summary>Prunes below the root; apiVersion, kind and metadata belong to the API server, not the schema.</summary>
    public static void PruneRoot(JsonNode? node, JsonObject schema)
    {
        if (node is not JsonObject root) return;
        var properties = Properties(schema);
        foreach (var name in root.Select(p => p.Key).ToList())
        {
            if (s_rootFields.Contains(name)) continue;
            if (properties?[name] is JsonObject propertySchema) Prune(root[name], propertySchema);
            else if (!PreservesUnknownFields(schema)) root.Remove(name);
        }
    }

    public static void Prune(JsonNode? node, JsonObject schema)
    {
        if (PreservesUnknownFields(schema) && Properties(schema) is null && Items(schema) is null) return;
        switch (node)
        {
            case JsonObject obj:
                PruneObject(obj, schema);
                break;
            case JsonArray array when Items(schema) is { } items:
                foreach (var item in array) Prune(item, items);
                break;
        }
    }

    private static void PruneObject(JsonObject obj, JsonObject schema)
    {
        if (AdditionalProperties(schema) is { } valueSchema)
        {
            foreach (var (_, value) in obj) Prune(value, valueSchema);
            return;
        }
        var properties = Properties(schema);
        foreach (var name in obj.Select(p => p.Key).ToList())
        {
            if (properties?[name] is JsonObject propertySchema)
            {
                Prune(obj[name], propertySchema);
            }
            else if (!PreservesUnknownFields(schema) && !AllowsAdditionalProperties(schema))
            {
                obj.Remove(name);
            }
        }
    }
}
