using CiBridge.Sandbox.ApiServer.Builtins;
using CiBridge.Sandbox.ApiServer.Storage;

namespace CiBridge.Sandbox.Tests.ApiServer.Units;

/// <summary>The Go-compatible pieces under the built-in kinds' validation, checked against Go's own cases.</summary>
public sealed class BuiltinRulesTests
{
    // Go's encoding/base64 reports these offsets (its TestDecodeCorrupt table); -1 means the text decodes.
    [Theory]
    [InlineData("", -1)]
    [InlineData("\n", -1)]
    [InlineData("AAA=\n", -1)]
    [InlineData("AAAA\n", -1)]
    [InlineData("!!!!", 0)]
    [InlineData("====", 0)]
    [InlineData("x===", 1)]
    [InlineData("=AAA", 0)]
    [InlineData("A=AA", 1)]
    [InlineData("AA=A", 2)]
    [InlineData("AA==A", 4)]
    [InlineData("AAA=AAAA", 4)]
    [InlineData("AAAAA", 4)]
    [InlineData("AAAAAA", 4)]
    [InlineData("A=", 1)]
    [InlineData("AA=", 3)]
    [InlineData("AA==", -1)]
    [InlineData("AAAAAA=", 7)]
    [InlineData("YWJjZA=====", 8)]
    [InlineData("A!\n", 1)]
    [InlineData("A=\n", 1)]
    [InlineData("AA AA", 2)]
    public void GoBase64_ReportsTheOffsetGoReports(string text, int offset)
    {
        var decoded = GoBase64.Decode(text, out var error);
        if (offset < 0)
        {
            Assert.Null(error);
            Assert.NotNull(decoded);
            return;
        }
        Assert.Null(decoded);
        Assert.Equal($"illegal base64 data at input byte {offset}", error);
    }

    [Theory]
    [InlineData("aGVsbG8=", "hello")]
    [InlineData("aGVs\r\nbG8=", "hello")]
    [InlineData("aGVsbA==", "hell")]
    public void GoBase64_SkipsLineBreaks_AndDecodes(string text, string expected) =>
        Assert.Equal(expected, System.Text.Encoding.UTF8.GetString(GoBase64.Decode(text, out _)!));

    [Theory]
    [InlineData("example.com/cleanup", 0)]
    [InlineData("kubernetes", 0)]
    [InlineData("/name", 1)]
    [InlineData("a/b/c", 1)]
    [InlineData("Example.com/x", 1)]
    [InlineData("-x", 1)]
    [InlineData("", 2)]
    public void QualifiedNames_CountEveryBrokenRule(string value, int errors) =>
        Assert.Equal(errors, NameValidation.CheckQualifiedName(value).Count);

    [Fact]
    public void GoQuote_EscapesLikeGo() =>
        Assert.Equal("\"a\\\"b\\\\c\\n\\x01ü\"", Causes.GoQuote("a\"b\\c\n\u0001ü"));
}
