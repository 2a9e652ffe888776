using CiBridge.Kubernetes.Queue;
using Microsoft.Extensions.Time.Testing;

namespace CiBridge.Kubernetes.Tests.Queue;

/// <summary>Delays beyond what a timer accepts (issue: a 2000h verifyInterval crashed the process).</summary>
public sealed class DelayedAddsTests
{
    [Theory]
    [InlineData(2000 * 60 * 60)]
    [InlineData(60L * 60 * 24 * 365 * 100)]
    public void Schedule_DelayBeyondTimerMaximum_DoesNotThrowAndWaitsAtLeastTheMaximum(long seconds)
    {
        var time = new FakeTimeProvider();
        var added = new List<string>();
        var delayed = new DelayedAdds<string>(time, added.Add);

        delayed.Schedule("a", TimeSpan.FromSeconds(seconds));
        time.Advance(TimerDelay.Maximum - TimeSpan.FromMinutes(1));
        Assert.Empty(added);

        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(["a"], added);
    }

    [Fact]
    public void Schedule_TimeSpanMaxValue_DoesNotThrow()
    {
        var time = new FakeTimeProvider();
        var added = new List<string>();
        var delayed = new DelayedAdds<string>(time, added.Add);

        delayed.Schedule("a", TimeSpan.MaxValue);
        delayed.Schedule("b", TimeSpan.FromSeconds(1));
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(["b"], added);
    }

    [Fact]
    public void Schedule_HugeDelayAmongShorterOnes_EveryItemComesAndTheHugeOneAtTheMaximum()
    {
        var time = new FakeTimeProvider();
        var added = new List<string>();
        var delayed = new DelayedAdds<string>(time, added.Add);

        delayed.Schedule("far", TimeSpan.FromDays(400));
        for (var day = 0; day < 60; day++)
        {
            delayed.Schedule($"day{day}", TimeSpan.FromHours(12));
            time.Advance(TimeSpan.FromDays(1));
        }

        Assert.Equal(61, added.Count);
        Assert.Equal(1, added.Count(a => a == "far"));
        Assert.Equal("day49", added[added.IndexOf("far") - 1]);
    }
}
