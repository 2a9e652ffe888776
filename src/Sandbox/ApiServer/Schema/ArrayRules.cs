using System.Text.Json.Nodes;
using static CiBridge.Sandbox.ApiServer.Schema.SchemaKeywords;

namespace CiBridge.Sandbox.ApiServer.Schema;

/// <summary>Item counts, item schemas and <c>x-kubernetes-list-type: map</c> key uniqueness.</summary>
internal static class ArrayRules
{
    public static void Validate(JsonArray array, JsonObject schema, string path, List<FieldError> errors)
    {
        if (Integer(schema, "maxItems") is { } max && array.Count > max)
        {
            errors.Add(new FieldError(path, FieldErrorReasons.TooMany, $"Too many: {array.Count}: must have at most {max} items"));
        }
        if (Integer(schema, "minItems") is { } min && array.Count < min)
        {
            errors.Add(SchemaValidator.Invalid(path, array.Count, $"should have at least {min} items"));
        }
        if (Items(schema) is { } items)
        {
            for (var i = 0; i < array.Count; i++) SchemaValidator.Validate(array[i], items, Index(path, i), errors);
        }
        if (String(schema, "x-kubernetes-list-type") == "map" && schema["x-kubernetes-list-map-keys"] is JsonArray keys)
        {
            CheckUniqueKeys(array, [.. keys.Select(k => k!.GetValue<string>())], path, errors);
        }
    }

    private static void CheckUniqueKeys(JsonArray array, IReadOnlyList<string> keys, string path, List<FieldError> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonObject item) continue;
            var key = new JsonObject();
            foreach (var name in keys) key[name] = item[name]?.DeepClone();
            var text = key.ToJsonString();
            if (!seen.Add(text)) errors.Add(new FieldError(Index(path, i), FieldErrorReasons.Duplicate, $"Duplicate value: {text}"));
        }
    }
}
