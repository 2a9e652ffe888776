using CiBridge.Entities.Validation;

namespace CiBridge.Entities.Tests.Validation;

public sealed class GoDurationTests
{
    [Theory]
    [InlineData("90s", 90)]
    [InlineData("5m", 300)]
    [InlineData("1h30m", 5400)]
    [InlineData("1.5h", 5400)]
    [InlineData("250ms", 0.25)]
    [InlineData("2562047h", 2562047.0 * 3600)]
    public void TryParse_ReadsGoDurations(string text, double seconds)
    {
        Assert.True(GoDuration.TryParse(text, out var value));
        Assert.Equal(TimeSpan.FromSeconds(seconds), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("5")]
    [InlineData("5 m")]
    [InlineData("-5m")]
    [InlineData("5d")]
    [InlineData("5m\n")]
    [InlineData("99999999999999999999h")]
    [InlineData("2562048h")]
    [InlineData("99999999999999999999999999999999h")]
    public void TryParse_RejectsOtherText(string text)
    {
        Assert.False(GoDuration.TryParse(text, out _));
    }

    [Theory]
    [InlineData(90, "1m30s")]
    [InlineData(7200, "2h")]
    [InlineData(0.5, "500ms")]
    public void Format_WritesLikeGo(double seconds, string expected)
    {
        Assert.Equal(expected, GoDuration.Format(TimeSpan.FromSeconds(seconds)));
    }
}
