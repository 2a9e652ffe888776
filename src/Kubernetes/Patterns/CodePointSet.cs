using System.Globalization;
using System.Text;

namespace CiBridge.Kubernetes.Patterns;

/// <summary>
/// A set of Unicode code points (ranges plus .NET Unicode category escapes) that renders as a .NET
/// expression matching one code point: a character class for the BMP and surrogate-pair
/// alternatives for the astral planes, so a class counts an emoji as one character, as Go does.
/// </summary>
internal sealed class CodePointSet
{
    private const int MaxCodePoint = 0x10FFFF;
    private readonly List<(int Lo, int Hi)> _ranges = [];
    private readonly List<string> _categories = [];

    public bool Negated { get; set; }

    public void Add(int lo, int hi) => _ranges.Add((lo, hi));

    public void AddAll(IEnumerable<(int Lo, int Hi)> ranges) => _ranges.AddRange(ranges);

    /// <summary>A .NET <c>\p{…}</c> or <c>\P{…}</c>; astral code points count as outside every category.</summary>
    public void AddCategory(string escape) => _categories.Add(escape);

    public static List<(int Lo, int Hi)> Complement(IEnumerable<(int Lo, int Hi)> ranges)
    {
        var result = new List<(int, int)>();
        var next = 0;
        foreach (var (lo, hi) in Normalize(ranges))
        {
            if (lo > next) result.Add((next, lo - 1));
            next = hi + 1;
        }
        if (next <= MaxCodePoint) result.Add((next, MaxCodePoint));
        return result;
    }

    public string ToDotNet()
    {
        var alternatives = new List<string>();
        if (BmpClass() is { } bmp) alternatives.Add(bmp);
        alternatives.AddRange(AstralRanges().Select(r => AstralRange(Math.Max(r.Lo, 0x10000), r.Hi)));
        return alternatives.Count switch
        {
            0 => "[^\\s\\S]",
            1 => alternatives[0],
            _ => "(?:" + string.Join('|', alternatives) + ")",
        };
    }

    /// <summary>The BMP part as one .NET class (surrogate halves never match alone), or null when empty.</summary>
    private string? BmpClass()
    {
        var withCategories = _categories.Count > 0;
        var ranges = withCategories || !Negated ? Normalize(_ranges) : Complement(_ranges);
        var negate = Negated && withCategories;
        var text = new StringBuilder(negate ? "[^" : "[");
        foreach (var (lo, hi) in ranges.Where(r => r.Lo <= 0xFFFF)) AppendBmpWithoutSurrogates(text, lo, Math.Min(hi, 0xFFFF));
        foreach (var category in _categories) text.Append(category);
        if (negate) return text.Append("\\uD800-\\uDFFF]").ToString();
        if (text.Length == 1) return null;
        return text.Append(withCategories ? "-[\\uD800-\\uDFFF]]" : "]").ToString();
    }

    private List<(int Lo, int Hi)> AstralRanges()
    {
        var anyNegatedCategory = _categories.Any(c => c.StartsWith("\\P", StringComparison.Ordinal));
        List<(int Lo, int Hi)> member = anyNegatedCategory ? [(0x10000, MaxCodePoint)] : Normalize(_ranges);
        var result = Negated ? Complement(member) : member;
        return [.. result.Where(r => r.Hi > 0xFFFF)];
    }

    private static void AppendBmpWithoutSurrogates(StringBuilder text, int lo, int hi)
    {
        if (lo < 0xD800) AppendRange(text, lo, Math.Min(hi, 0xD7FF));
        if (hi > 0xDFFF) AppendRange(text, Math.Max(lo, 0xE000), hi);
    }

    private static void AppendRange(StringBuilder text, int lo, int hi)
    {
        if (lo > hi) return;
        text.Append(Escape(lo));
        if (hi > lo) text.Append('-').Append(Escape(hi));
    }

    private static string Escape(int c) => "\\u" + c.ToString("X4", CultureInfo.InvariantCulture);

    /// <summary>Astral code points lo..hi as surrogate pairs: one alternative per run of high surrogates.</summary>
    private static string AstralRange(int lo, int hi)
    {
        var (loHigh, loLow) = Split(lo);
        var (hiHigh, hiLow) = Split(hi);
        if (loHigh == hiHigh) return $"{Escape(loHigh)}[{Escape(loLow)}-{Escape(hiLow)}]";
        var parts = new List<string> { $"{Escape(loHigh)}[{Escape(loLow)}-\\uDFFF]" };
        if (hiHigh - loHigh > 1) parts.Add($"[{Escape(loHigh + 1)}-{Escape(hiHigh - 1)}][\\uDC00-\\uDFFF]");
        parts.Add($"{Escape(hiHigh)}[\\uDC00-{Escape(hiLow)}]");
        return string.Join('|', parts);
    }

    private static (int High, int Low) Split(int codePoint)
    {
        var text = char.ConvertFromUtf32(codePoint);
        return (text[0], text[1]);
    }

    private static List<(int Lo, int Hi)> Normalize(IEnumerable<(int Lo, int Hi)> ranges)
    {
        var result = new List<(int Lo, int Hi)>();
        foreach (var (lo, hi) in ranges.OrderBy(r => r.Lo))
        {
            if (result.Count > 0 && lo <= result[^1].Hi + 1) result[^1] = (result[^1].Lo, Math.Max(result[^1].Hi, hi));
            else result.Add((lo, hi));
        }
        return result;
    }
}
