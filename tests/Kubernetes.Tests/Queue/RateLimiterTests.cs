using CiBridge.Kubernetes.Queue;
using Microsoft.Extensions.Time.Testing;

namespace CiBridge.Kubernetes.Tests.Queue;

public sealed class RateLimiterTests
{
    private static double[] Millis(IEnumerable<TimeSpan> delays) => delays.Select(d => d.TotalMilliseconds).ToArray();

    [Fact]
    public void Exponential_DoublesFromBaseAndCapsAtMax()
    {
        var limiter = new ExponentialFailureRateLimiter<string>(TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1000));

        var delays = Enumerable.Range(0, 22).Select(_ => limiter.When("a")).ToList();

        Assert.Equal([5, 10, 20, 40, 80, 160, 320, 640, 1280, 2560], Millis(delays.Take(10)));
        Assert.Equal(TimeSpan.FromMilliseconds(5 * Math.Pow(2, 17)), delays[17]);
        Assert.Equal([1_000_000, 1_000_000, 1_000_000, 1_000_000], Millis(delays.Skip(18)));
        Assert.Equal(22, limiter.NumRequeues("a"));
    }

    [Fact]
    public void Exponential_ItemsAreIndependent_AndForgetStartsOver()
    {
        var limiter = new ExponentialFailureRateLimiter<string>(TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(1));
        limiter.When("a");
        limiter.When("a");

        Assert.Equal(TimeSpan.FromMilliseconds(1), limiter.When("b"));
        limiter.Forget("a");
        Assert.Equal(0, limiter.NumRequeues("a"));
        Assert.Equal(TimeSpan.FromMilliseconds(1), limiter.When("a"));
    }

    [Fact]
    public void Exponential_HugeFailureCounts_DoNotOverflow()
    {
        var limiter = new ExponentialFailureRateLimiter<string>(TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1000));
        for (var i = 0; i < 200; i++) limiter.When("a");

        Assert.Equal(TimeSpan.FromSeconds(1000), limiter.When("a"));
    }

    [Fact]
    public void Bucket_BurstIsFreeThenOneTokenPerInterval()
    {
        var time = new FakeTimeProvider();
        var limiter = new BucketRateLimiter<string>(new TokenBucket(10, 100, time));

        var burst = Enumerable.Range(0, 100).Select(i => limiter.When($"k{i}")).ToList();
        var after = Enumerable.Range(0, 3).Select(i => limiter.When($"x{i}")).ToList();

        Assert.All(burst, d => Assert.Equal(TimeSpan.Zero, d));
        Assert.Equal([100, 200, 300], Millis(after).Select(m => Math.Round(m)));
        Assert.Equal(0, limiter.NumRequeues("k1"));
    }

    [Fact]
    public void Bucket_RefillsWithTime()
    {
        var time = new FakeTimeProvider();
        var bucket = new TokenBucket(10, 2, time);
        bucket.Reserve();
        bucket.Reserve();

        time.Advance(TimeSpan.FromMilliseconds(100));

        Assert.Equal(TimeSpan.Zero, bucket.Reserve());
        Assert.Equal(100, Math.Round(bucket.Reserve().TotalMilliseconds));
    }

    [Fact]
    public void DefaultController_IsTheLongerOfBackoffAndBucket()
    {
        var time = new FakeTimeProvider();
        var limiter = RateLimiters.DefaultController<string>(time);

        var first = Enumerable.Range(0, 5).Select(_ => limiter.When("a")).ToList();
        for (var i = 0; i < 95; i++) limiter.When($"other{i}");
        var afterBurst = limiter.When("b");

        Assert.Equal([5, 10, 20, 40, 80], Millis(first));
        Assert.Equal(100, Math.Round(afterBurst.TotalMilliseconds));
        Assert.Equal(5, limiter.NumRequeues("a"));
        limiter.Forget("a");
        Assert.Equal(0, limiter.NumRequeues("a"));
    }
}
