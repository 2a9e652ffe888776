using System.Text;
using static CiBridge.Kubernetes.Patterns.GoRegexSyntaxException;

namespace CiBridge.Kubernetes.Patterns;

/// <summary>
/// Parses a pattern as Go's <c>regexp/syntax</c> does (Perl flags, RE2's constructs and errors) and
/// writes the .NET expression with the same meaning. Only <see cref="System.Text.RegularExpressions.Regex.IsMatch(string)"/>
/// is used on the result, so greediness is irrelevant and dropped.
/// </summary>
internal sealed class GoRegexTranslator
{
    private const string WordClass = "[0-9A-Za-z_]";
    private readonly GoRegexReader _reader;
    private readonly StringBuilder _out = new();
    private readonly Stack<GoRegexFlags> _groups = new(); // the flags each open group restores when it closes
    private GoRegexFlags _flags;
    private bool _hasOperand;
    private int _lastRepeatAt = -1;
    private bool _needsLookaround;

    private GoRegexTranslator(string pattern) => _reader = new GoRegexReader(pattern);

    public static (string Pattern, bool NeedsLookaround) Translate(string pattern)
    {
        var translator = new GoRegexTranslator(pattern);
        translator.Run();
        return (translator._out.ToString(), translator._needsLookaround);
    }

    private string Text => _reader.Text;

    private int Pos
    {
        get => _reader.Pos;
        set => _reader.Pos = value;
    }

    private void Run()
    {
        while (Pos < Text.Length)
        {
            var repeatAt = -1;
            switch (Text[Pos])
            {
                case '(': OpenGroup(); break;
                case ')': CloseGroup(); break;
                case '|': Pos++; _out.Append('|'); _hasOperand = false; break;
                case '*' or '+' or '?': repeatAt = Pos; Repeat(Pos + 1, null); break;
                case '{' when _reader.TryRepeatCount(out var end, out var counts): repeatAt = Pos; Repeat(end, counts); break;
                case '^': Pos++; Operand(_flags.MultiLine ? "(?m:^)" : "(?:^)"); break;
                case '$': Pos++; Operand(_flags.MultiLine ? "(?m:$)" : "(?:\\z)"); break;
                case '.': Pos++; Operand(Dot()); break;
                case '[': Operand(GoCharClass.Parse(_reader)); break;
                case '\\': Escape(); break;
                default: Literal(_reader.NextRune()); break;
            }
            _lastRepeatAt = repeatAt;
        }
        if (_groups.Count > 0) throw new GoRegexSyntaxException(MissingParen, Text);
    }

    private void Operand(string dotNet)
    {
        _out.Append(dotNet);
        _hasOperand = true;
    }

    private void Literal(int codePoint)
    {
        var set = new CodePointSet();
        set.Add(codePoint, codePoint);
        Operand(codePoint is >= '0' and <= '9' or >= 'A' and <= 'Z' or >= 'a' and <= 'z' ? ((char)codePoint).ToString() : set.ToDotNet());
    }

    private string Dot()
    {
        var set = new CodePointSet();
        if (_flags.DotMatchesNewline) set.Add(0, 0x10FFFF);
        else set.AddAll([(0, '\n' - 1), ('\n' + 1, 0x10FFFF)]);
        return set.ToDotNet();
    }

    /// <summary>A repetition operator from <see cref="Pos"/> to <paramref name="end"/> (plus an optional lazy '?').</summary>
    private void Repeat(int end, string? counts)
    {
        var start = Pos;
        var last = end < Text.Length && Text[end] == '?' ? end + 1 : end;
        if (_lastRepeatAt >= 0) throw new GoRegexSyntaxException(InvalidRepeatOp, Text[_lastRepeatAt..last]);
        if (!_hasOperand) throw new GoRegexSyntaxException(MissingRepeatArgument, Text[start..last]);
        _out.Append(counts ?? Text[start..end]);
        Pos = last;
    }

    private void OpenGroup()
    {
        var rest = Text[Pos..];
        if (rest.Length > 1 && rest[1] == '?')
        {
            if ((rest.Length > 4 && rest[2] == 'P' && rest[3] == '<') || (rest.Length > 3 && rest[2] == '<'))
            {
                NamedCapture(rest);
                return;
            }
            PerlFlags();
            return;
        }
        Pos++;
        Push("(");
    }

    private void Push(string opening)
    {
        _groups.Push(_flags);
        _out.Append(opening);
        _hasOperand = false;
    }

    private void NamedCapture(string rest)
    {
        var begin = rest[2] == 'P' ? 4 : 3;
        var end = rest.IndexOf('>', StringComparison.Ordinal);
        if (end < 0) throw new GoRegexSyntaxException(InvalidNamedCapture, rest);
        var name = rest[begin..end];
        if (name.Length == 0 || !name.All(c => c == '_' || char.IsAsciiLetterOrDigit(c)))
        {
            throw new GoRegexSyntaxException(InvalidNamedCapture, rest[..(end + 1)]);
        }
        Pos += end + 1;
        Push("(");
    }

    /// <summary><c>(?flags)</c> and <c>(?flags:re)</c> with Go's flags i, m, s, U and one '-'.</summary>
    private void PerlFlags()
    {
        var start = Pos;
        Pos += 2;
        var flags = _flags;
        var negate = false;
        var sawFlag = false;
        while (Pos < Text.Length)
        {
            var c = Text[Pos++];
            switch (c)
            {
                case 'i' or 'm' or 's' or 'U':
                    flags = flags.With(c, !negate);
                    sawFlag = true;
                    continue;
                case '-' when !negate:
                    negate = true;
                    sawFlag = false;
                    continue;
                case ':' or ')' when !negate || sawFlag:
                    EndFlags(c, flags);
                    return;
            }
            break;
        }
        throw new GoRegexSyntaxException(InvalidPerlOp, Text[start..Pos]);
    }

    private void EndFlags(char c, GoRegexFlags flags)
    {
        var fold = flags.FoldCase ? "(?i" : "(?-i";
        if (c == ':')
        {
            Push(fold + ":");
            _flags = flags;
            return;
        }
        _flags = flags;
        _out.Append(fold + ")");
    }

    private void CloseGroup()
    {
        if (_groups.Count == 0) throw new GoRegexSyntaxException(UnexpectedParen, Text);
        Pos++;
        _flags = _groups.Pop(); // flags set inside a group end with it, in Go as in .NET
        Operand(")");
    }

    private void Escape()
    {
        if (Pos + 1 >= Text.Length) throw new GoRegexSyntaxException(TrailingBackslash, "");
        switch (Text[Pos + 1])
        {
            case 'A': Pos += 2; Operand("(?:\\A)"); return;
            case 'z': Pos += 2; Operand("(?:\\z)"); return;
            case 'b': Pos += 2; Boundary(word: true); return;
            case 'B': Pos += 2; Boundary(word: false); return;
            case 'Q': Quoted(); return;
        }
        if (GoCharClass.TryNamedClass(_reader) is { } set)
        {
            Operand(set.ToDotNet());
            return;
        }
        Literal(_reader.Escape());
    }

    /// <summary><c>\b</c> and <c>\B</c> with Go's ASCII notion of a word character.</summary>
    private void Boundary(bool word)
    {
        _needsLookaround = true;
        Operand(word
            ? $"(?-i:(?<={WordClass})(?!{WordClass})|(?<!{WordClass})(?={WordClass}))"
            : $"(?-i:(?<={WordClass})(?={WordClass})|(?<!{WordClass})(?!{WordClass}))");
    }

    private void Quoted()
    {
        var end = Text.IndexOf("\\E", Pos + 2, StringComparison.Ordinal);
        var literal = end < 0 ? Text[(Pos + 2)..] : Text[(Pos + 2)..end];
        Pos = end < 0 ? Text.Length : end + 2;
        foreach (var rune in literal.EnumerateRunes()) Literal(rune.Value);
    }
}
