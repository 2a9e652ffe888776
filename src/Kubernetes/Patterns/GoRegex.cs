using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace CiBridge.Kubernetes.Patterns;

/// <summary>
/// CRD <c>pattern</c>s as kube-apiserver evaluates them: Go's <c>regexp</c> (RE2 syntax and
/// semantics), not .NET's. A pattern is translated once into an equivalent .NET expression: <c>$</c>
/// is the end of the text (not "before a final newline"), <c>\d</c>, <c>\s</c>, <c>\w</c> and
/// <c>\b</c> are ASCII, <c>.</c> and negated classes take a whole code point, POSIX classes work, and
/// what RE2 lacks (backreferences, lookaround, atomic groups, possessive quantifiers) is rejected
/// with Go's error text.
/// </summary>
public static class GoRegex
{
    private static readonly ConcurrentDictionary<string, Lazy<Compiled>> s_cache = new(StringComparer.Ordinal);

    /// <summary>True when <paramref name="pattern"/> matches somewhere in <paramref name="input"/>, as Go's <c>MatchString</c>.</summary>
    /// <exception cref="GoRegexSyntaxException">The pattern is not valid RE2 syntax.</exception>
    public static bool IsMatch(string pattern, string input) => Get(pattern).Regex?.IsMatch(input) ?? throw Get(pattern).Error!;

    /// <summary>Go's compile error (<c>error parsing regexp: …</c>), or null when the pattern is valid RE2.</summary>
    public static string? CompileError(string pattern) => Get(pattern).Error?.Message;

    /// <summary>The .NET expression with Go's semantics; exposed for tests and diagnostics.</summary>
    public static string Translate(string pattern) => GoRegexTranslator.Translate(pattern).Pattern;

    private static Compiled Get(string pattern) =>
        s_cache.GetOrAdd(pattern, p => new Lazy<Compiled>(() => Compile(p))).Value;

    private static Compiled Compile(string pattern)
    {
        try
        {
            var (translated, needsLookaround) = GoRegexTranslator.Translate(pattern);
            // RE2 runs in linear time; the non-backtracking engine keeps that promise where it can.
            var options = RegexOptions.CultureInvariant | (needsLookaround ? RegexOptions.None : RegexOptions.NonBacktracking);
            return new Compiled(new Regex(translated, options, needsLookaround ? TimeSpan.FromSeconds(1) : Regex.InfiniteMatchTimeout), null);
        }
        catch (GoRegexSyntaxException e)
        {
            return new Compiled(null, e);
        }
    }

    private sealed record Compiled(Regex? Regex, GoRegexSyntaxException? Error);
}

/// <summary>A pattern Go's <c>regexp.Compile</c> rejects; the message is Go's.</summary>
public sealed class GoRegexSyntaxException(string code, string expression)
    : FormatException($"error parsing regexp: {code}: `{expression}`")
{
    public const string InvalidPerlOp = "invalid or unsupported Perl syntax";
    public const string InvalidEscape = "invalid escape sequence";
    public const string InvalidNamedCapture = "invalid named capture";
    public const string InvalidRepeatOp = "invalid nested repetition operator";
    public const string InvalidRepeatSize = "invalid repeat count";
    public const string MissingRepeatArgument = "missing argument to repetition operator";
    public const string MissingParen = "missing closing )";
    public const string UnexpectedParen = "unexpected )";
    public const string MissingBracket = "missing closing ]";
    public const string InvalidCharRange = "invalid character class range";
    public const string TrailingBackslash = "trailing backslash at end of expression";
}
