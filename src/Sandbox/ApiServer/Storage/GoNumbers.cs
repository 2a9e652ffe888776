using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CiBridge.Sandbox.ApiServer.Storage;

/// <summary>
/// kube decodes a custom resource's numbers into Go's int64 (when the text is an integer) or
/// float64 and writes them back with Go's encoding/json: <c>3.0</c> is served as <c>3</c>,
/// <c>1e3</c> as <c>1000</c>, <c>1.5e-07</c> as <c>1.5e-7</c>. Clients then read integers where
/// the schema says integer, whatever spelling the writer used.
/// </summary>
internal static class GoNumbers
{
    /// <summary>Rewrites every number below <paramref name="node"/> in Go's spelling.</summary>
    public static void Normalize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject map:
                foreach (var (key, value) in map.ToList())
                {
                    if (Respelled(value) is { } number) map[key] = number;
                    else Normalize(value);
                }
                break;
            case JsonArray list:
                for (var i = 0; i < list.Count; i++)
                {
                    if (Respelled(list[i]) is { } number) list[i] = number;
                    else Normalize(list[i]);
                }
                break;
        }
    }

    private static JsonNode? Respelled(JsonNode? node)
    {
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.Number) return null;
        var text = value.ToJsonString();
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return text == integer.ToString(CultureInfo.InvariantCulture) ? null : JsonValue.Create(integer);
        }
        var go = Format(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
        return go == text ? null : JsonNode.Parse(go);
    }

    /// <summary>Go's encoding/json spelling of a float64: shortest digits, exponent only below 1e-6 or from 1e21.</summary>
    public static string Format(double number)
    {
        if (number == 0) return double.IsNegative(number) ? "-0" : "0";
        var (digits, point) = ShortestDigits(Math.Abs(number));
        var sign = number < 0 ? "-" : "";
        var abs = Math.Abs(number);
        if (abs < 1e-6 || abs >= 1e21)
        {
            var exponent = point - 1;
            var mantissa = digits.Length > 1 ? $"{digits[0]}.{digits[1..]}" : digits;
            return $"{sign}{mantissa}e{(exponent < 0 ? "-" : "+")}{Math.Abs(exponent).ToString(exponent < 0 ? "0" : "00", CultureInfo.InvariantCulture)}";
        }
        if (point <= 0) return $"{sign}0.{new string('0', -point)}{digits}";
        if (point >= digits.Length) return sign + digits + new string('0', point - digits.Length);
        return $"{sign}{digits[..point]}.{digits[point..]}";
    }

    /// <summary>The shortest round-tripping digits (no leading or trailing zeros) and where the decimal point goes.</summary>
    private static (string Digits, int Point) ShortestDigits(double abs)
    {
        var text = abs.ToString("R", CultureInfo.InvariantCulture);
        var exponent = 0;
        var e = text.IndexOf('E', StringComparison.Ordinal);
        if (e >= 0)
        {
            exponent = int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var digits = dot < 0 ? text : text.Remove(dot, 1);
        var point = (dot < 0 ? text.Length : dot) + exponent;
        var trimmed = digits.TrimStart('0');
        point -= digits.Length - trimmed.Length;
        return (trimmed.TrimEnd('0'), point);
    }
}
