using System.Globalization;
using System.Text.Json.Nodes;

namespace CiBridge.Sandbox.ApiServer.Storage;

/// <summary>Reads numbers and booleans whatever CLR type backs the JSON value (parsed, YAML, or built in code).</summary>
internal static class JsonNumbers
{
    public static long? AsLong(JsonNode? node) =>
        node is JsonValue value && long.TryParse(value.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;

    public static bool? AsBool(JsonNode? node) => node is JsonValue value ? value.ToJsonString() switch
    {
        "true" => true,
        "false" => false,
        _ => null,
    } : null;
}
