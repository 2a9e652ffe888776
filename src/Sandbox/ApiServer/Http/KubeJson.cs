using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CiBridge.Sandbox.ApiServer.Http;

/// <summary>
/// Parses request JSON as Go's decoder does: a key given twice keeps its last value (the duplicate
/// paths are reported, which <c>fieldValidation</c> turns into warnings or a strict-decoding
/// error), and an escaped lone surrogate (<c>\ud800</c>) becomes U+FFFD instead of failing.
/// </summary>
internal static class KubeJson
{
    public static JsonNode? Parse(string text, List<string>? duplicates = null)
    {
        var bytes = Encoding.UTF8.GetBytes(ReplaceLoneSurrogates(text));
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        if (!reader.Read()) throw new JsonException("unexpected end of JSON input");
        var node = Read(ref reader, "", duplicates ?? []);
        if (reader.Read()) throw new JsonException($"invalid character after top-level value at byte {reader.TokenStartIndex}");
        return node;
    }

    private static JsonNode? Read(ref Utf8JsonReader reader, string path, List<string> duplicates)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var map = new JsonObject();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString()!;
                    var child = path.Length == 0 ? name : $"{path}.{name}";
                    reader.Read();
                    var value = Read(ref reader, child, duplicates);
                    if (map.Remove(name)) duplicates.Add(child);
                    map[name] = value;
                }
                return map;
            case JsonTokenType.StartArray:
                var list = new JsonArray();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) list.Add(Read(ref reader, path, duplicates));
                return list;
            case JsonTokenType.String:
                return JsonValue.Create(reader.GetString());
            case JsonTokenType.Null:
                return null;
            default:
                return JsonValue.Create(JsonElement.ParseValue(ref reader));
        }
    }

    /// <summary>Rewrites <c>\uD800</c>-<c>\uDFFF</c> escapes that do not form a pair as <c>\uFFFD</c>, as Go decodes them.</summary>
    private static string ReplaceLoneSurrogates(string text)
    {
        if (!text.Contains("\\u", StringComparison.OrdinalIgnoreCase)) return text;
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\' || i + 1 >= text.Length)
            {
                result.Append(text[i]);
                continue;
            }
            var unit = EscapedUnit(text, i);
            if (unit is >= 0xD800 and <= 0xDBFF && EscapedUnit(text, i + 6) is >= 0xDC00 and <= 0xDFFF)
            {
                result.Append(text, i, 12);
                i += 11;
            }
            else if (unit is >= 0xD800 and <= 0xDFFF)
            {
                result.Append("\\ufffd");
                i += 5;
            }
            else
            {
                result.Append(text, i, 2);
                i++;
            }
        }
        return result.ToString();
    }

    private static int? EscapedUnit(string text, int at) =>
        at + 6 <= text.Length && text[at] == '\\' && text[at + 1] == 'u'
        && int.TryParse(text.AsSpan(at + 2, 4), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var unit)
            ? unit : null;
}
