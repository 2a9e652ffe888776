using CiBridge.Kubernetes.Events;

namespace CiBridge.Kubernetes.Tests.Events;

/// <summary>Events were dropped for object names over about 236 characters (issue 15, item 5).</summary>
public sealed class EventNameTests
{
    [Fact]
    public void For_ShortName_IsNameDotSuffix()
    {
        Assert.Equal("build.18a2b3c4d5e6f708", EventName.For("build", "18a2b3c4d5e6f708"));
    }

    [Theory]
    [InlineData(236)]
    [InlineData(253)]
    public void For_LongName_FitsAndKeepsDifferentObjectsApart(int length)
    {
        var a = new string('a', length - 1) + "x";
        var b = new string('a', length - 1) + "y";

        var nameA = EventName.For(a, "18a2b3c4d5e6f708");
        var nameB = EventName.For(b, "18a2b3c4d5e6f708");

        Assert.True(nameA.Length <= EventName.MaxLength, nameA);
        Assert.EndsWith(".18a2b3c4d5e6f708", nameA, StringComparison.Ordinal);
        Assert.NotEqual(nameA, nameB);
    }
}
