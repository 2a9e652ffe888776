using CiBridge.Kubernetes.Patterns;

namespace CiBridge.Kubernetes.Tests.Patterns;

/// <summary>Patterns judged as Go's regexp (RE2) judges them, where .NET's Regex would differ.</summary>
public sealed class GoRegexTests
{
    [Theory]
    [InlineData("$ is the end of the text, not before a final newline", "^[a-z]+$", "abc\n", false)]
    [InlineData("$ at the very end", "^[a-z]+$", "abc", true)]
    [InlineData("\\s is ASCII: no NBSP", "^\\s$", "\u00A0", false)]
    [InlineData("\\s is ASCII: no ideographic space", "^\\s$", "\u3000", false)]
    [InlineData("\\s excludes \\v", "^\\s$", "\v", false)]
    [InlineData("\\s has tab", "^\\s$", "\t", true)]
    [InlineData("\\S takes NBSP", "^\\S$", "\u00A0", true)]
    [InlineData("\\d is ASCII", "^\\d$", "\u0663", false)]
    [InlineData("\\w is ASCII", "^\\w+$", "h\u00E9llo", false)]
    [InlineData("\\b is an ASCII word boundary", "\\bfoo\\b", "\u00E9foo\u00E9", true)]
    [InlineData("\\B inside a word", "a\\Bb", "ab", true)]
    [InlineData(". takes a whole astral code point", "^.$", "\U0001F600", true)]
    [InlineData("a negated class takes a whole code point", "^[^a]$", "\U0001F600", true)]
    [InlineData("an astral character is one character", "^.{2}$", "\U0001F600", false)]
    [InlineData(". excludes newline", "^a.b$", "a\nb", false)]
    [InlineData("(?s) lets . take a newline", "(?s)^a.b$", "a\nb", true)]
    [InlineData("(?m) makes ^ and $ lines", "(?m)^b$", "a\nb\nc", true)]
    [InlineData("POSIX class", "^[[:alpha:]]+$", "abc", true)]
    [InlineData("negated POSIX class", "^[[:^digit:]]$", "a", true)]
    [InlineData("case folding", "(?i)^abc$", "ABC", true)]
    [InlineData("scoped case folding ends with its group", "^(?i:a)b$", "AB", false)]
    [InlineData("hex escape of an astral code point", "^\\x{1F600}$", "\U0001F600", true)]
    [InlineData("astral range in a class", "^[\\x{1F600}-\\x{1F64F}]$", "\U0001F610", true)]
    [InlineData("octal escape", "^\\101$", "A", true)]
    [InlineData("quoted literal", "^\\Qa.b\\E$", "axb", false)]
    [InlineData("named capture, Go and Python spelling", "^(?P<a>x)(?<b>y)$", "xy", true)]
    [InlineData("{ that is no repeat is a literal", "^a{,2}$", "a{,2}", true)]
    [InlineData("unanchored search", "b", "abc", true)]
    public void Matches_AsGoDoes(string rule, string pattern, string input, bool expected)
    {
        Assert.True(expected == GoRegex.IsMatch(pattern, input), $"{rule}: {pattern} on {input} should be {expected}; .NET form {GoRegex.Translate(pattern)}");
    }

    [Theory]
    [InlineData("(?=x)", "invalid or unsupported Perl syntax: `(?=`")]
    [InlineData("a(?!x)", "invalid or unsupported Perl syntax: `(?!`")]
    [InlineData("(?>x)", "invalid or unsupported Perl syntax: `(?>`")]
    [InlineData("(?<=x)y", "invalid named capture: `(?<=x)y`")]
    [InlineData("a*+", "invalid nested repetition operator: `*+`")]
    [InlineData("a++", "invalid nested repetition operator: `++`")]
    [InlineData("(a)\\1", "invalid escape sequence: `\\1`")]
    [InlineData("\\k<n>", "invalid escape sequence: `\\k`")]
    [InlineData("\\Z", "invalid escape sequence: `\\Z`")]
    [InlineData("*a", "missing argument to repetition operator: `*`")]
    [InlineData("a|+", "missing argument to repetition operator: `+`")]
    [InlineData("(abc", "missing closing ): `(abc`")]
    [InlineData("abc)", "unexpected ): `abc)`")]
    [InlineData("x[a-", "missing closing ]: `[a-`")]
    [InlineData("[z-a]", "invalid character class range: `z-a`")]
    [InlineData("[[:foo:]]", "invalid character class range: `[:foo:]`")]
    [InlineData("a{1001}", "invalid repeat count: `{1001}`")]
    [InlineData("a{3,2}", "invalid repeat count: `{3,2}`")]
    [InlineData("abc\\", "trailing backslash at end of expression: ``")]
    public void Rejects_WhatRe2Lacks_WithGosMessage(string pattern, string message)
    {
        Assert.Equal("error parsing regexp: " + message, GoRegex.CompileError(pattern));
        var thrown = Assert.Throws<GoRegexSyntaxException>(() => GoRegex.IsMatch(pattern, "x"));
        Assert.Equal("error parsing regexp: " + message, thrown.Message);
    }

    [Theory]
    [InlineData(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    [InlineData(@"^(?:[^/\s.][^/]*|\.[^/.][^/]*)(?:/(?:[^/\s.][^/]*|\.[^/.][^/]*))*$")]
    [InlineData(@"^([0-9]+(\.[0-9]+)?(ms|s|m|h))+$")]
    [InlineData(@"^https?://[^\s/$.?#][^\s]*$")]
    public void OurCrdPatterns_AreValidRe2(string pattern)
    {
        Assert.Null(GoRegex.CompileError(pattern));
    }
}
