using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CiBridge.Kubernetes.Patterns;
using static CiBridge.Sandbox.ApiServer.Schema.SchemaKeywords;

namespace CiBridge.Sandbox.ApiServer.Schema;

/// <summary>
/// Validates a value against a structural schema with the messages kube-apiserver gives for custom
/// resources (kube-openapi's errors turned into <c>field.Error</c>s by apiextensions-apiserver).
/// </summary>
internal static class SchemaValidator
{
    public static void Validate(JsonNode? node, JsonObject schema, string path, List<FieldError> errors)
    {
        if (node is null)
        {
            if (!Nullable(schema) && Type(schema) is { } expected && path.Length > 0)
            {
                errors.Add(TypeError(path, Render(null), expected, "null"));
            }
            return;
        }
        if (!HasExpectedType(node, schema, path, errors)) return;
        switch (node)
        {
            case JsonObject obj:
                ValidateObject(obj, schema, path, errors);
                break;
            case JsonArray array:
                ArrayRules.Validate(array, schema, path, errors);
                break;
            case JsonValue value:
                ScalarRules.Validate(value, schema, path, errors);
                break;
        }
    }

    private static bool HasExpectedType(JsonNode node, JsonObject schema, string path, List<FieldError> errors)
    {
        var expected = Type(schema);
        if (expected is null) return true;
        var actual = JsonTypeName(node);
        var matches = actual == expected || (expected == "number" && actual == "integer");
        if (!matches) errors.Add(TypeError(path, Render(node), expected, actual));
        return matches;
    }

    private static void ValidateObject(JsonObject obj, JsonObject schema, string path, List<FieldError> errors)
    {
        var properties = Properties(schema);
        foreach (var required in schema["required"]?.AsArray() ?? [])
        {
            var name = required!.GetValue<string>();
            if (!obj.ContainsKey(name)) errors.Add(new FieldError(Child(path, name), FieldErrorReasons.Required, "Required value"));
        }
        if (Integer(schema, "maxProperties") is { } maxProperties && obj.Count > maxProperties)
        {
            errors.Add(new FieldError(path, FieldErrorReasons.TooMany, $"Too many: {obj.Count}: must have at most {maxProperties} items"));
        }
        foreach (var (name, value) in obj)
        {
            if (path.Length == 0 && name is "apiVersion" or "kind" or "metadata") continue;
            if (properties?[name] is JsonObject propertySchema) Validate(value, propertySchema, Child(path, name), errors);
            else if (AdditionalProperties(schema) is { } valueSchema) Validate(value, valueSchema, Child(path, name), errors);
        }
    }

    internal static FieldError TypeError(string path, string rendered, string expected, string? actual = null) =>
        new(path, FieldErrorReasons.TypeInvalid,
            $"Invalid value: {rendered}: {path} in body must be of type {expected}: \"{actual ?? rendered.Trim('"')}\"");

    internal static FieldError Invalid(string path, JsonNode? value, string detail) =>
        new(path, FieldErrorReasons.Invalid, $"Invalid value: {Render(value)}: {path} in body {detail}");

    /// <summary>Renders a value as Go's <c>%#v</c> does for JSON values: strings quoted, numbers bare.</summary>
    internal static string Render(JsonNode? value) => value switch
    {
        null => "\"null\"",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => JsonSerializer.Serialize(v.GetValue<string>()),
        _ => value.ToJsonString(),
    };

    internal static string JsonTypeName(JsonNode node) => node.GetValueKind() switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Number => IsInteger(node) ? "integer" : "number",
        _ => "null",
    };

    private static bool IsInteger(JsonNode node) =>
        node.AsValue().TryGetValue<long>(out _)
        || (double.TryParse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == Math.Floor(d));

    /// <summary>kube evaluates patterns with Go's regexp (RE2), so the sandbox does too.</summary>
    internal static bool Matches(string pattern, string text) => GoRegex.IsMatch(pattern, text);
}
