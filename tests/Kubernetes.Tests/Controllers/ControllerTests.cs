using System.Collections.Concurrent;
using System.Threading.Channels;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Queue;
using CiBridge.TestKit;

namespace CiBridge.Kubernetes.Tests.Controllers;

public sealed class ControllerTests
{
    private static readonly CancellationToken s_ct = TestContext.Current.CancellationToken;
    private static readonly ObjectKey s_key = new("ns", "a");

    private sealed class ScriptedReconciler(Func<ObjectKey, int, ValueTask<ReconcileResult>> script) : IReconciler
    {
        private readonly ConcurrentDictionary<ObjectKey, int> _calls = new();

        public Channel<ObjectKey> Calls { get; } = Channel.CreateUnbounded<ObjectKey>();

        public int CallsFor(ObjectKey key) => _calls.GetValueOrDefault(key);

        public async ValueTask<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken ct)
        {
            var n = _calls.AddOrUpdate(key, 1, (_, c) => c + 1);
            try
            {
                return await script(key, n);
            }
            finally
            {
                Calls.Writer.TryWrite(key);
            }
        }
    }

    private static (Controller Controller, TimerCountingTimeProvider Time) Start(IReconciler reconciler, int workers = 1)
    {
        var time = new TimerCountingTimeProvider();
        var limiter = new ExponentialFailureRateLimiter<ObjectKey>(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        var controller = new Controller(reconciler, new ControllerOptions { Workers = workers, RateLimiter = limiter }, time);
        return (controller, time);
    }

    private static Task<ObjectKey> NextCall(ScriptedReconciler r) =>
        r.Calls.Reader.ReadAsync(s_ct).AsTask().WaitAsync(TimeSpan.FromSeconds(10), s_ct);

    [Fact]
    public async Task Retry_IsRequeuedWithBackoff()
    {
        var reconciler = new ScriptedReconciler((_, n) => ValueTask.FromResult(
            n < 3 ? ReconcileResult.Retry(new InvalidOperationException("boom")) : ReconcileResult.Done));
        var (controller, time) = Start(reconciler);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(s_ct);
        var run = controller.RunAsync(cts.Token);

        controller.Queue.Add(s_key);
        await NextCall(reconciler);
        await Eventually.HoldsAsync(() => controller.Queue.NumRequeues(s_key) == 1 && time.ArmedTimers == 1, "first requeue", ct: s_ct);
        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal(1, reconciler.CallsFor(s_key));
        time.Advance(TimeSpan.FromMilliseconds(1));
        await NextCall(reconciler);
        await Eventually.HoldsAsync(() => controller.Queue.NumRequeues(s_key) == 2 && time.ArmedTimers == 1, "second requeue", ct: s_ct);
        time.Advance(TimeSpan.FromSeconds(2));
        await NextCall(reconciler);

        await Eventually.HoldsAsync(() => controller.Queue.NumRequeues(s_key) == 0, "forgotten after Done", ct: s_ct);
        await cts.CancelAsync();
        await run;
    }

    [Fact]
    public async Task Exception_IsCaughtAndRetried()
    {
        var reconciler = new ScriptedReconciler((_, n) =>
            n == 1 ? throw new InvalidOperationException("boom") : ValueTask.FromResult(ReconcileResult.Done));
        var (controller, time) = Start(reconciler);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(s_ct);
        var run = controller.RunAsync(cts.Token);

        controller.Queue.Add(s_key);
        await NextCall(reconciler);
        await Eventually.HoldsAsync(() => controller.Queue.NumRequeues(s_key) == 1 && time.ArmedTimers == 1, "requeued", ct: s_ct);
        time.Advance(TimeSpan.FromSeconds(1));
        await NextCall(reconciler);

        Assert.Equal(2, reconciler.CallsFor(s_key));
        await cts.CancelAsync();
        await run;
    }

    [Fact]
    public async Task After_RequeuesAfterDelay_AndTerminal_IsNotRetried()
    {
        var reconciler = new ScriptedReconciler((_, n) => ValueTask.FromResult(
            n == 1 ? ReconcileResult.After(TimeSpan.FromMinutes(5)) : ReconcileResult.Terminal(new InvalidOperationException("bad spec"))));
        var (controller, time) = Start(reconciler);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(s_ct);
        var run = controller.RunAsync(cts.Token);

        controller.Queue.Add(s_key);
        await NextCall(reconciler);
        await Eventually.HoldsAsync(() => time.ArmedTimers > 0, "requeue timer armed", ct: s_ct);
        time.Advance(TimeSpan.FromMinutes(5));
        await NextCall(reconciler);
        time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(0, controller.Queue.Count);
        Assert.Equal(2, reconciler.CallsFor(s_key));
        Assert.Equal(0, controller.Queue.NumRequeues(s_key));
        await cts.CancelAsync();
        await run;
    }

    [Fact]
    public async Task Workers_NeverReconcileTheSameKeyConcurrently()
    {
        var active = new ConcurrentDictionary<ObjectKey, int>();
        var overlaps = 0;
        var reconciler = new ScriptedReconciler(async (key, _) =>
        {
            if (active.AddOrUpdate(key, 1, (_, c) => c + 1) > 1) Interlocked.Increment(ref overlaps);
            await Task.Yield();
            active.AddOrUpdate(key, 0, (_, c) => c - 1);
            return ReconcileResult.Done;
        });
        var (controller, _) = Start(reconciler, workers: 8);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(s_ct);
        var run = controller.RunAsync(cts.Token);

        var keys = Enumerable.Range(0, 5).Select(i => new ObjectKey("ns", $"k{i}")).ToArray();
        for (var round = 0; round < 2000; round++) controller.Queue.Add(keys[round % keys.Length]);
        await Eventually.HoldsAsync(() => controller.Queue.Count == 0 && active.Values.All(v => v == 0), "queue empty", ct: s_ct);

        Assert.Equal(0, overlaps);
        await cts.CancelAsync();
        await run;
    }

    [Fact]
    public async Task Shutdown_LetsRunningReconcileFinish_AndTakesNoNewKeys()
    {
        var release = new TaskCompletionSource();
        var started = new TaskCompletionSource();
        var reconciler = new ScriptedReconciler(async (_, _) =>
        {
            started.TrySetResult();
            await release.Task;
            return ReconcileResult.Done;
        });
        var (controller, _) = Start(reconciler);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(s_ct);
        var run = controller.RunAsync(cts.Token);
        controller.Queue.Add(s_key);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10), s_ct);

        controller.Queue.Add(new ObjectKey("ns", "b"));
        await cts.CancelAsync();
        Assert.False(run.IsCompleted);
        release.SetResult();
        await run.WaitAsync(TimeSpan.FromSeconds(10), s_ct);

        Assert.Equal(1, reconciler.CallsFor(s_key));
        Assert.Equal(0, reconciler.CallsFor(new ObjectKey("ns", "b")));
    }
}
