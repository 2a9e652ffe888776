using System.Text.Json.Nodes;

namespace CiBridge.Sandbox.ApiServer.Schema;

/// <summary>Reads the keywords of one schema node.</summary>
internal static class SchemaKeywords
{
    public static string? Type(JsonObject schema) => String(schema, "type");

    public static string? String(JsonObject schema, string keyword) =>
        schema[keyword] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static bool Flag(JsonObject schema, string keyword) =>
        schema[keyword] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    public static long? Integer(JsonObject schema, string keyword) => Number(schema, keyword) is { } d ? (long)d : null;

    /// <summary>A numeric keyword, whatever CLR type the parser gave the JSON number.</summary>
    public static double? Number(JsonObject schema, string keyword) =>
        schema[keyword] is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number
            ? double.Parse(v.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture)
            : null;

    public static JsonObject? Properties(JsonObject schema) => schema["properties"] as JsonObject;

    public static JsonObject? Items(JsonObject schema) => schema["items"] as JsonObject;

    /// <summary>The schema of map values, when <c>additionalProperties</c> is a schema.</summary>
    public static JsonObject? AdditionalProperties(JsonObject schema) => schema["additionalProperties"] as JsonObject;

    /// <summary>True when <c>additionalProperties: true</c> or a schema: unknown keys are allowed.</summary>
    public static bool AllowsAdditionalProperties(JsonObject schema) =>
        schema["additionalProperties"] is JsonObject || Flag(schema, "additionalProperties");

    public static bool PreservesUnknownFields(JsonObject schema) => Flag(schema, "x-kubernetes-preserve-unknown-fields");

    public static bool Nullable(JsonObject schema) => Flag(schema, "nullable");

    public static string Child(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    public static string Index(string path, int index) => $"{path}[{index}]";
}
