using System.Globalization;
using static CiBridge.Kubernetes.Patterns.GoRegexSyntaxException;

namespace CiBridge.Kubernetes.Patterns;

/// <summary>A cursor over a Go pattern: code points, escapes and repeat counts with Go's rules and errors.</summary>
internal sealed class GoRegexReader(string text)
{
    public string Text { get; } = text;

    public int Pos { get; set; }

    public bool At(string prefix) => string.CompareOrdinal(Text, Pos, prefix, 0, prefix.Length) == 0;

    public int NextRune()
    {
        var rune = char.IsSurrogatePair(Text, Pos) ? char.ConvertToUtf32(Text, Pos) : Text[Pos];
        Pos += rune > 0xFFFF ? 2 : 1;
        return rune;
    }

    /// <summary>A single-character escape at <see cref="Pos"/> (a backslash), as Go's <c>parseEscape</c>.</summary>
    public int Escape()
    {
        var start = Pos++;
        if (Pos >= Text.Length) throw new GoRegexSyntaxException(TrailingBackslash, "");
        var c = NextRune();
        if (c < 0x80 && !char.IsAsciiLetterOrDigit((char)c)) return c;
        int? value = c switch
        {
            >= '1' and <= '7' when !NextIsOctal() => null,
            >= '0' and <= '7' => Octal(c - '0'),
            'x' => Hex(),
            'a' => 7,
            'f' => '\f',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            'v' => '\v',
            _ => null,
        };
        return value ?? throw new GoRegexSyntaxException(InvalidEscape, Text[start..Math.Min(Pos, Text.Length)]);
    }

    private bool NextIsOctal() => Pos < Text.Length && Text[Pos] is >= '0' and <= '7';

    private int Octal(int value)
    {
        for (var i = 1; i < 3 && NextIsOctal(); i++) value = (value * 8) + (Text[Pos++] - '0');
        return value;
    }

    private int? Hex()
    {
        if (Pos >= Text.Length) return null;
        if (Text[Pos] != '{')
        {
            if (Pos + 1 >= Text.Length || !IsHex(Text[Pos]) || !IsHex(Text[Pos + 1])) return null;
            Pos += 2;
            return int.Parse(Text.AsSpan(Pos - 2, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        }
        var close = Text.IndexOf('}', Pos);
        var digits = close < 0 ? "" : Text[(Pos + 1)..close];
        if (digits.Length == 0 || digits.Length > 8 || !digits.All(IsHex)) return null;
        var value = long.Parse(digits, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        if (value > 0x10FFFF) return null;
        Pos = close + 1;
        return (int)value;
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    /// <summary>
    /// <c>{n}</c>, <c>{n,}</c> or <c>{n,m}</c> at <see cref="Pos"/>; false when it is not one (then
    /// '{' is a literal, as in Go). A count over 1000 or min &gt; max is Go's "invalid repeat count".
    /// </summary>
    public bool TryRepeatCount(out int end, out string? counts)
    {
        end = Text.IndexOf('}', Pos);
        counts = null;
        if (end < 0) return false;
        var parts = Text[(Pos + 1)..end].Split(',');
        if (parts.Length > 2 || !IsCount(parts[0]) || (parts.Length == 2 && parts[1].Length > 0 && !IsCount(parts[1]))) return false;
        var min = Count(parts[0]);
        var max = parts.Length == 1 ? min : parts[1].Length == 0 ? -1 : Count(parts[1]);
        end++;
        if (min > 1000 || max > 1000 || (max >= 0 && min > max)) throw new GoRegexSyntaxException(InvalidRepeatSize, Text[Pos..end]);
        counts = max < 0 ? $"{{{min},}}" : $"{{{min},{max}}}";
        return true;
    }

    private static bool IsCount(string digits) =>
        digits.Length > 0 && digits.All(char.IsAsciiDigit) && !(digits.Length > 1 && digits[0] == '0');

    private static int Count(string digits) => digits.Length > 8 ? int.MaxValue : int.Parse(digits, CultureInfo.InvariantCulture);
}
