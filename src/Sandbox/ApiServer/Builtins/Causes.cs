using System.Globalization;
using System.Text;

namespace CiBridge.Sandbox.ApiServer.Builtins;

/// <summary>
/// The <c>field.Error</c> shapes of kube's hand-written validation as (field, cause reason, message)
/// causes, worded as apimachinery renders them (<c>Invalid value: "x": detail</c>).
/// </summary>
internal static class Causes
{
    public static (string, string, string) Invalid(string field, string value, string detail) =>
        (field, "FieldValueInvalid", $"Invalid value: {GoQuote(value)}: {detail}");

    public static (string, string, string) Invalid(string field, long value, string detail) =>
        (field, "FieldValueInvalid", $"Invalid value: {value.ToString(CultureInfo.InvariantCulture)}: {detail}");

    public static (string, string, string) Required(string field, string detail = "") =>
        (field, "FieldValueRequired", detail.Length == 0 ? "Required value" : $"Required value: {detail}");

    public static (string, string, string) Forbidden(string field, string detail) => (field, "FieldValueForbidden", $"Forbidden: {detail}");

    /// <summary><c>field.TooLong</c>: the value is left out, the limit is in bytes.</summary>
    public static (string, string, string) TooLong(string field, int maxBytes) =>
        (field, "FieldValueTooLong", $"Too long: may not be more than {maxBytes.ToString(CultureInfo.InvariantCulture)} bytes");

    public static (string, string, string) NotSupported(string field, string value, IEnumerable<string> supported) =>
        (field, "FieldValueNotSupported", $"Unsupported value: {GoQuote(value)}: supported values: {string.Join(", ", supported.Select(GoQuote))}");

    /// <summary>apimachinery's <c>ValidateImmutableField</c> for a string.</summary>
    public static (string, string, string) Immutable(string field, string value) => Invalid(field, value, "field is immutable");

    /// <summary>Go's <c>%q</c>: quotes, backslashes and control characters escaped; other characters kept.</summary>
    public static string GoQuote(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in text)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                < ' ' => $"\\x{(int)c:x2}",
                _ => c.ToString(),
            });
        }
        return quoted.Append('"').ToString();
    }
}
