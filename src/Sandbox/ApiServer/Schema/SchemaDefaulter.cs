using System.Text.Json.Nodes;
using static CiBridge.Sandbox.ApiServer.Schema.SchemaKeywords;

namespace CiBridge.Sandbox.ApiServer.Schema;

/// <summary>
/// Applies <c>default</c> values the way apiextensions-apiserver does: a null where the schema is
/// not <c>nullable</c> is dropped first, then a missing property with a default gets a copy of it,
/// and defaulting continues inside the (possibly just defaulted) value.
/// </summary>
internal static class SchemaDefaulter
{
    public static void Apply(JsonNode? node, JsonObject schema)
    {
        switch (node)
        {
            case JsonObject obj:
                ApplyToObject(obj, schema);
                break;
            case JsonArray array when Items(schema) is { } items:
                foreach (var item in array) Apply(item, items);
                break;
        }
    }

    private static void ApplyToObject(JsonObject obj, JsonObject schema)
    {
        if (AdditionalProperties(schema) is { } valueSchema)
        {
            foreach (var (_, value) in obj.ToList()) Apply(value, valueSchema);
            return;
        }
        if (Properties(schema) is not { } properties) return;
        foreach (var (name, propertyNode) in properties)
        {
            if (propertyNode is not JsonObject propertySchema) continue;
            if (obj.TryGetPropertyValue(name, out var value) && value is null && !Nullable(propertySchema))
            {
                obj.Remove(name);
            }
            if (!obj.ContainsKey(name) && propertySchema["default"] is { } defaultValue)
            {
                obj[name] = defaultValue.DeepClone();
            }
            if (obj[name] is { } present) Apply(present, propertySchema);
        }
    }
}
