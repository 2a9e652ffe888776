using CiBridge.Kubernetes.Queue;
using Microsoft.Extensions.Time.Testing;

namespace CiBridge.Kubernetes.Tests.Queue;

public sealed class PriorityLimiterTests
{
    private static readonly TimeSpan s_token = TimeSpan.FromMilliseconds(100);

    [Fact]
    public void Burst_IsServedAtOnce_ThenWaitersWaitForTokens()
    {
        var time = new FakeTimeProvider();
        using var limiter = new PriorityLimiter(10, 2, time);

        var first = limiter.WaitAsync(ahead: false, CancellationToken.None);
        var second = limiter.WaitAsync(ahead: false, CancellationToken.None);
        var third = limiter.WaitAsync(ahead: false, CancellationToken.None);

        Assert.True(first.IsCompletedSuccessfully);
        Assert.True(second.IsCompletedSuccessfully);
        Assert.False(third.IsCompleted);
        time.Advance(s_token);
        Assert.True(third.IsCompletedSuccessfully);
    }

    [Fact]
    public void AheadWaiter_IsServedBeforeEarlierOtherWaiters()
    {
        var time = new FakeTimeProvider();
        using var limiter = new PriorityLimiter(10, 1, time);
        Assert.True(limiter.WaitAsync(ahead: false, CancellationToken.None).IsCompleted);
        var early = limiter.WaitAsync(ahead: false, CancellationToken.None);
        var alsoEarly = limiter.WaitAsync(ahead: false, CancellationToken.None);
        var ahead = limiter.WaitAsync(ahead: true, CancellationToken.None);

        time.Advance(s_token);
        Assert.True(ahead.IsCompletedSuccessfully);
        Assert.False(early.IsCompleted);

        time.Advance(s_token);
        Assert.True(early.IsCompletedSuccessfully);
        Assert.False(alsoEarly.IsCompleted);
        time.Advance(s_token);
        Assert.True(alsoEarly.IsCompletedSuccessfully);
    }

    [Fact]
    public void WaitersOfOnePriority_AreServedInArrivalOrder()
    {
        var time = new FakeTimeProvider();
        using var limiter = new PriorityLimiter(10, 1, time);
        Assert.True(limiter.WaitAsync(ahead: true, CancellationToken.None).IsCompleted);
        var waiters = Enumerable.Range(0, 3).Select(_ => limiter.WaitAsync(ahead: true, CancellationToken.None)).ToList();

        for (var served = 1; served <= waiters.Count; served++)
        {
            time.Advance(s_token);
            Assert.Equal(served, waiters.Count(w => w.IsCompletedSuccessfully));
            Assert.True(waiters[served - 1].IsCompletedSuccessfully);
        }
    }

    [Fact]
    public void OtherWaiter_GoesFirstOnceDeferredForMaxDeferral_EvenUnderAStreamOfAheadRequests()
    {
        var time = new FakeTimeProvider();
        using var limiter = new PriorityLimiter(10, 1, time);
        Assert.True(limiter.WaitAsync(ahead: false, CancellationToken.None).IsCompleted);
        var deferred = limiter.WaitAsync(ahead: false, CancellationToken.None);
        var ahead = new List<Task>();
        var elapsed = TimeSpan.Zero;

        while (elapsed < PriorityLimiter.MaxDeferral)
        {
            // Always one request marked ahead waiting, more than the bucket can serve.
            ahead.Add(limiter.WaitAsync(ahead: true, CancellationToken.None));
            ahead.Add(limiter.WaitAsync(ahead: true, CancellationToken.None));
            time.Advance(s_token);
            elapsed += s_token;
            if (elapsed < PriorityLimiter.MaxDeferral) Assert.False(deferred.IsCompleted);
        }

        Assert.True(deferred.IsCompletedSuccessfully);
        Assert.Contains(ahead, t => !t.IsCompleted);
    }

    [Fact]
    public async Task CancelledWaiter_LeavesTheQueue_AndItsTokenGoesToTheNext()
    {
        var time = new FakeTimeProvider();
        using var limiter = new PriorityLimiter(10, 1, time);
        await limiter.WaitAsync(ahead: false, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var cancelled = limiter.WaitAsync(ahead: true, cancel.Token);
        var next = limiter.WaitAsync(ahead: false, CancellationToken.None);

        await cancel.CancelAsync();
        time.Advance(s_token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.True(next.IsCompletedSuccessfully);
    }
}
