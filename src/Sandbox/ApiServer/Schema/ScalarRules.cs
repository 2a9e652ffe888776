using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using static CiBridge.Sandbox.ApiServer.Schema.SchemaKeywords;
using static CiBridge.Sandbox.ApiServer.Schema.SchemaValidator;

namespace CiBridge.Sandbox.ApiServer.Schema;

/// <summary>enum, pattern, lengths, format and numeric bounds of a scalar value.</summary>
internal static class ScalarRules
{
    public static void Validate(JsonValue value, JsonObject schema, string path, List<FieldError> errors)
    {
        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
        {
            var supported = string.Join(", ", allowed.Select(Render));
            errors.Add(new FieldError(path, FieldErrorReasons.NotSupported, $"Unsupported value: {Render(value)}: supported values: {supported}"));
        }
        if (value.GetValueKind() == JsonValueKind.String) ValidateString(value, value.GetValue<string>(), schema, path, errors);
        if (value.GetValueKind() == JsonValueKind.Number) ValidateNumber(value, schema, path, errors);
    }

    private static void ValidateString(JsonValue value, string text, JsonObject schema, string path, List<FieldError> errors)
    {
        if (Integer(schema, "maxLength") is { } max && text.EnumerateRunes().Count() > max)
        {
            errors.Add(new FieldError(path, FieldErrorReasons.TooLong, $"Too long: may not be more than {max} bytes"));
        }
        if (Integer(schema, "minLength") is { } min && text.EnumerateRunes().Count() < min)
        {
            errors.Add(Invalid(path, value, $"should be at least {min} chars long"));
        }
        if (SchemaKeywords.String(schema, "pattern") is { } pattern && !Matches(pattern, text))
        {
            errors.Add(Invalid(path, value, $"should match '{pattern}'"));
        }
        if (SchemaKeywords.String(schema, "format") == "date-time" && !IsDateTime(text))
        {
            errors.Add(TypeError(path, Render(value), "date-time", text));
        }
    }

    private static void ValidateNumber(JsonValue value, JsonObject schema, string path, List<FieldError> errors)
    {
        var number = double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture);
        if (Number(schema, "minimum") is { } min && number < min)
        {
            errors.Add(Invalid(path, value, $"should be greater than or equal to {Format(min)}"));
        }
        if (Number(schema, "maximum") is { } max && number > max)
        {
            errors.Add(Invalid(path, value, $"should be less than or equal to {Format(max)}"));
        }
    }

    private static bool IsDateTime(string text) =>
        DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"],
            CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static string Format(double bound) => bound.ToString(CultureInfo.InvariantCulture);
}
