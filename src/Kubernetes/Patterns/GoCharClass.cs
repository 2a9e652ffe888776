using static CiBridge.Kubernetes.Patterns.GoRegexSyntaxException;

namespace CiBridge.Kubernetes.Patterns;

/// <summary>Go's character classes: <c>[…]</c> with POSIX names, and the Perl and Unicode class escapes (ASCII Perl classes).</summary>
internal static class GoCharClass
{
    private static readonly (int, int)[] s_digit = [('0', '9')];
    private static readonly (int, int)[] s_space = [('\t', '\n'), ('\f', '\r'), (' ', ' ')];
    private static readonly (int, int)[] s_word = [('0', '9'), ('A', 'Z'), ('_', '_'), ('a', 'z')];

    private static readonly Dictionary<string, (int, int)[]> s_posix = new(StringComparer.Ordinal)
    {
        ["alnum"] = [('0', '9'), ('A', 'Z'), ('a', 'z')],
        ["alpha"] = [('A', 'Z'), ('a', 'z')],
        ["ascii"] = [(0, 0x7F)],
        ["blank"] = [('\t', '\t'), (' ', ' ')],
        ["cntrl"] = [(0, 0x1F), (0x7F, 0x7F)],
        ["digit"] = [('0', '9')],
        ["graph"] = [('!', '~')],
        ["lower"] = [('a', 'z')],
        ["print"] = [(' ', '~')],
        ["punct"] = [('!', '/'), (':', '@'), ('[', '`'), ('{', '~')],
        ["space"] = [('\t', '\r'), (' ', ' ')],
        ["upper"] = [('A', 'Z')],
        ["word"] = s_word,
        ["xdigit"] = [('0', '9'), ('A', 'F'), ('a', 'f')],
    };

    private static readonly HashSet<string> s_categories =
    [
        "C", "Cc", "Cf", "Co", "Cs", "L", "Ll", "Lm", "Lo", "Lt", "Lu", "M", "Mc", "Me", "Mn", "N", "Nd", "Nl", "No",
        "P", "Pc", "Pd", "Pe", "Pf", "Pi", "Po", "Ps", "S", "Sc", "Sk", "Sm", "So", "Z", "Zl", "Zp", "Zs",
    ];

    /// <summary>A bracketed class at the reader's '[' as .NET text.</summary>
    public static string Parse(GoRegexReader reader)
    {
        var start = reader.Pos++;
        var set = new CodePointSet();
        if (reader.Pos < reader.Text.Length && reader.Text[reader.Pos] == '^')
        {
            set.Negated = true;
            reader.Pos++;
        }
        for (var first = true; reader.Pos >= reader.Text.Length || reader.Text[reader.Pos] != ']' || first; first = false)
        {
            if (reader.Pos >= reader.Text.Length) throw new GoRegexSyntaxException(MissingBracket, reader.Text[start..]);
            if (!TryPosix(reader, set) && !TryEscapedClass(reader, set)) AddRange(reader, set, start);
        }
        reader.Pos++;
        return set.ToDotNet();
    }

    /// <summary><c>\d \D \s \S \w \W \pX \p{Name} \PX \P{Name}</c> at the reader's backslash, or null.</summary>
    public static CodePointSet? TryNamedClass(GoRegexReader reader)
    {
        var set = new CodePointSet();
        return TryEscapedClass(reader, set) ? set : null;
    }

    private static bool TryEscapedClass(GoRegexReader reader, CodePointSet set)
    {
        if (!reader.At("\\") || reader.Pos + 1 >= reader.Text.Length) return false;
        var letter = reader.Text[reader.Pos + 1];
        (int, int)[]? perl = char.ToLowerInvariant(letter) switch
        {
            'd' => s_digit,
            's' => s_space,
            'w' => s_word,
            _ => null,
        };
        if (perl is not null)
        {
            reader.Pos += 2;
            set.AddAll(char.IsUpper(letter) ? CodePointSet.Complement(perl) : perl);
            return true;
        }
        if (letter is not ('p' or 'P')) return false;
        Unicode(reader, set, negated: letter == 'P');
        return true;
    }

    private static void Unicode(GoRegexReader reader, CodePointSet set, bool negated)
    {
        var start = reader.Pos;
        reader.Pos += 2;
        if (reader.Pos >= reader.Text.Length) throw new GoRegexSyntaxException(InvalidCharRange, reader.Text[start..]);
        string name;
        if (reader.Text[reader.Pos] != '{')
        {
            name = char.ConvertFromUtf32(reader.NextRune());
        }
        else
        {
            var close = reader.Text.IndexOf('}', reader.Pos);
            if (close < 0) throw new GoRegexSyntaxException(InvalidCharRange, reader.Text[start..]);
            name = reader.Text[(reader.Pos + 1)..close];
            reader.Pos = close + 1;
        }
        if (name.StartsWith('^'))
        {
            negated = !negated;
            name = name[1..];
        }
        AddUnicode(set, name, negated, reader.Text[start..reader.Pos]);
    }

    private static void AddUnicode(CodePointSet set, string name, bool negated, string text)
    {
        if (name == "Any")
        {
            if (!negated) set.Add(0, 0x10FFFF);
            return;
        }
        if (s_categories.Contains(name))
        {
            set.AddCategory((negated ? "\\P{" : "\\p{") + name + "}");
            return;
        }
        throw new NotSupportedException($"the Unicode class {text} is not a general category; the sandbox evaluates categories (\\pL, \\p{{Lu}}, …) but not Go's script classes");
    }

    private static bool TryPosix(GoRegexReader reader, CodePointSet set)
    {
        if (!reader.At("[:")) return false;
        var close = reader.Text.IndexOf(":]", reader.Pos + 2, StringComparison.Ordinal);
        if (close < 0) return false;
        var text = reader.Text[reader.Pos..(close + 2)];
        var name = text[2..^2];
        var negated = name.StartsWith('^');
        if (!s_posix.TryGetValue(negated ? name[1..] : name, out var ranges)) throw new GoRegexSyntaxException(InvalidCharRange, text);
        set.AddAll(negated ? CodePointSet.Complement(ranges) : ranges);
        reader.Pos = close + 2;
        return true;
    }

    private static void AddRange(GoRegexReader reader, CodePointSet set, int classStart)
    {
        var start = reader.Pos;
        var lo = ClassChar(reader, classStart);
        var hi = lo;
        if (reader.Pos + 1 < reader.Text.Length && reader.Text[reader.Pos] == '-' && reader.Text[reader.Pos + 1] != ']')
        {
            reader.Pos++;
            hi = ClassChar(reader, classStart);
            if (hi < lo) throw new GoRegexSyntaxException(InvalidCharRange, reader.Text[start..reader.Pos]);
        }
        set.Add(lo, hi);
    }

    private static int ClassChar(GoRegexReader reader, int classStart)
    {
        if (reader.Pos >= reader.Text.Length) throw new GoRegexSyntaxException(MissingBracket, reader.Text[classStart..]);
        return reader.Text[reader.Pos] == '\\' ? reader.Escape() : reader.NextRune();
    }
}
