using CiBridge.Kubernetes.Queue;
using Microsoft.Extensions.Time.Testing;

namespace CiBridge.Kubernetes.Tests.Queue;

/// <summary>One test per promise listed on <see cref="IWorkQueue{T}"/>.</summary>
public sealed class WorkQueueTests
{
    private static readonly CancellationToken s_ct = TestContext.Current.CancellationToken;

    private static IRateLimitingQueue<string> NewQueue(TimeProvider? time = null) =>
        WorkQueue.Create<string>(time ?? new FakeTimeProvider());

    [Fact]
    public async Task Get_HandsOutItemsInOrderAdded_Fair()
    {
        var queue = NewQueue();
        foreach (var item in new[] { "a", "b", "c" }) queue.Add(item);

        var got = new List<string>();
        for (var i = 0; i < 3; i++) got.Add((await queue.GetAsync(s_ct)).Item);

        Assert.Equal(["a", "b", "c"], got);
    }

    [Fact]
    public async Task Add_DuplicateWhileWaiting_Collapses()
    {
        var queue = NewQueue();
        queue.Add("a");
        queue.Add("b");
        queue.Add("a");

        Assert.Equal(2, queue.Count);
        Assert.Equal("a", (await queue.GetAsync(s_ct)).Item);
        Assert.Equal("b", (await queue.GetAsync(s_ct)).Item);
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public async Task Get_ItemBeingProcessed_IsNotHandedOutTwice()
    {
        var queue = NewQueue();
        queue.Add("a");
        var first = await queue.GetAsync(s_ct);

        queue.Add("a");
        var second = queue.GetAsync(s_ct);

        Assert.Equal(0, queue.Count);
        Assert.False(second.IsCompleted);
        queue.Done(first.Item);
        Assert.Equal("a", (await second.AsTask().WaitAsync(TimeSpan.FromSeconds(5), s_ct)).Item);
    }

    [Fact]
    public async Task Done_AfterAddsWhileProcessing_RunsAgainExactlyOnce()
    {
        var queue = NewQueue();
        queue.Add("a");
        var (item, _) = await queue.GetAsync(s_ct);
        queue.Add("a");
        queue.Add("a");

        queue.Done(item);

        Assert.Equal(1, queue.Count);
        var again = await queue.GetAsync(s_ct);
        queue.Done(again.Item);
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public async Task Get_WaitingWorkers_AreServedInOrderOfArrival()
    {
        var queue = NewQueue();
        var first = queue.GetAsync(s_ct).AsTask();
        var second = queue.GetAsync(s_ct).AsTask();

        queue.Add("a");
        queue.Add("b");

        Assert.Equal("a", (await first.WaitAsync(TimeSpan.FromSeconds(5), s_ct)).Item);
        Assert.Equal("b", (await second.WaitAsync(TimeSpan.FromSeconds(5), s_ct)).Item);
    }

    [Fact]
    public async Task Get_CancelledWaiter_DoesNotSwallowAnItem()
    {
        var queue = NewQueue();
        using var cts = new CancellationTokenSource();
        var cancelled = queue.GetAsync(cts.Token).AsTask();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);

        queue.Add("a");

        Assert.Equal("a", (await queue.GetAsync(s_ct)).Item);
    }

    [Fact]
    public async Task ShutDown_HandsOutRemainingItemsThenReportsShutdown()
    {
        var queue = NewQueue();
        queue.Add("a");
        queue.ShutDown();
        queue.Add("b");

        Assert.Equal(("a", false), await queue.GetAsync(s_ct));
        Assert.True((await queue.GetAsync(s_ct)).ShuttingDown);
    }

    [Fact]
    public async Task ShutDown_WakesWaitingWorkers()
    {
        var queue = NewQueue();
        var waiting = queue.GetAsync(s_ct).AsTask();

        queue.ShutDown();

        Assert.True((await waiting.WaitAsync(TimeSpan.FromSeconds(5), s_ct)).ShuttingDown);
    }

    [Fact]
    public async Task ShutDownWithDrain_CompletesWhenProcessingEnds()
    {
        var queue = NewQueue();
        queue.Add("a");
        var (item, _) = await queue.GetAsync(s_ct);

        var drain = queue.ShutDownWithDrainAsync(s_ct);
        Assert.False(drain.IsCompleted);
        queue.Done(item);

        await drain.WaitAsync(TimeSpan.FromSeconds(5), s_ct);
    }

    [Fact]
    public async Task AddAfter_AddsOnlyWhenTimeComes()
    {
        var time = new FakeTimeProvider();
        var queue = NewQueue(time);

        queue.AddAfter("a", TimeSpan.FromSeconds(10));
        time.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(0, queue.Count);

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, queue.Count);
        Assert.Equal("a", (await queue.GetAsync(s_ct)).Item);
    }

    [Fact]
    public void AddAfter_SameItemTwice_KeepsEarlierTime()
    {
        var time = new FakeTimeProvider();
        var queue = NewQueue(time);

        queue.AddAfter("a", TimeSpan.FromSeconds(10));
        queue.AddAfter("a", TimeSpan.FromSeconds(2));
        queue.AddAfter("a", TimeSpan.FromSeconds(5));
        time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(1, queue.Count);
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, queue.Count);
    }

    [Fact]
    public async Task AddAfter_ItemsBecomeReadyInDueOrder()
    {
        var time = new FakeTimeProvider();
        var queue = NewQueue(time);
        queue.AddAfter("late", TimeSpan.FromSeconds(3));
        queue.AddAfter("early", TimeSpan.FromSeconds(1));
        queue.AddAfter("now", TimeSpan.Zero);

        time.Advance(TimeSpan.FromSeconds(5));

        var order = new List<string>();
        while (queue.Count > 0) order.Add((await queue.GetAsync(s_ct)).Item);
        Assert.Equal(["now", "early", "late"], order);
    }

    [Fact]
    public void AddRateLimited_WaitsTheLimitersDelay_AndForgetResets()
    {
        var time = new FakeTimeProvider();
        var queue = WorkQueue.Create(time, new ExponentialFailureRateLimiter<string>(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1)));

        queue.AddRateLimited("a");
        queue.AddRateLimited("a");
        Assert.Equal(2, queue.NumRequeues("a"));
        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal(0, queue.Count);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, queue.Count);

        queue.Forget("a");
        Assert.Equal(0, queue.NumRequeues("a"));
    }
}
