using CiBridge.Kubernetes.Models;

namespace CiBridge.Kubernetes.Tests.Models;

public sealed class SchemaTextTests
{
    [Fact]
    public void Fit_KeepsAValueThatFits()
    {
        Assert.Equal("main", SchemaText.Fit("main", 4));
    }

    [Fact]
    public void Fit_CountsCharactersAsTheApiServerDoes_NotUtf16Units()
    {
        var emoji = string.Concat(Enumerable.Repeat("😀", 4));

        Assert.Equal(emoji, SchemaText.Fit(emoji, 4));
    }

    [Fact]
    public void Fit_ShortensWithTheMarker_WithinTheLimit_NeverSplittingAPair()
    {
        var fitted = SchemaText.Fit(string.Concat(Enumerable.Repeat("😀", 40)), 20);

        Assert.EndsWith(SchemaText.TruncationMarker, fitted, StringComparison.Ordinal);
        Assert.Equal(20, fitted.EnumerateRunes().Count());
        Assert.DoesNotContain(System.Text.Rune.ReplacementChar.ToString(), fitted, StringComparison.Ordinal);
    }

    [Fact]
    public void FitDistinct_KeepsTwoLongValuesApart_AndIsStable()
    {
        var a = new string('x', 300) + "a";
        var b = new string('x', 300) + "b";

        Assert.NotEqual(SchemaText.FitDistinct(a, 256), SchemaText.FitDistinct(b, 256));
        Assert.Equal(SchemaText.FitDistinct(a, 256), SchemaText.FitDistinct(a, 256));
        Assert.Equal(256, SchemaText.FitDistinct(a, 256).Length);
        Assert.Equal("short", SchemaText.FitDistinct("short", 256));
    }
}
