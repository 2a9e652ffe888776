using System.Globalization;

namespace CiBridge.Entities.Validation;

/// <summary>
/// Control characters that Jenkins cannot take: a NUL in a job path or a form value is refused
/// (400) or cut short on the way, so it is refused here first. Parameter values may span lines
/// (Jenkins' text parameters), so tabs and line breaks are allowed there.
/// </summary>
public static class ControlCharacters
{
    /// <summary>Describes the first disallowed character, for example <c>U+0000 at position 3</c>, or null when there is none.</summary>
    public static string? Describe(string value, bool allowLineBreaks)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (!char.IsControl(c) || (allowLineBreaks && c is '\t' or '\n' or '\r')) continue;
            return $"U+{((int)c).ToString("X4", CultureInfo.InvariantCulture)} at position {i}";
        }
        return null;
    }
}
