using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Queue;

namespace CiBridge.Kubernetes.Benchmarks;

/// <summary>How fast the controller hands keys to a reconciler that does nothing (the runtime's own overhead).</summary>
[MemoryDiagnoser]
public class DispatchBenchmarks
{
    private sealed class CountingReconciler(int expected) : IReconciler
    {
        private int _count;

        public TaskCompletionSource AllDone { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ValueTask<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken ct)
        {
            if (Interlocked.Increment(ref _count) == expected) AllDone.TrySetResult();
            return ValueTask.FromResult(ReconcileResult.Done);
        }
    }

    [Params(1, 4)]
    public int Workers { get; set; }

    [Benchmark(OperationsPerInvoke = 10_000)]
    public Task Dispatch10k() => MeasureAsync(Workers, 10_000);

    public static async Task<(double PerSecond, TimeSpan Elapsed)> MeasureAsync(int workers, int keys)
    {
        var reconciler = new CountingReconciler(keys);
        var limiter = new ExponentialFailureRateLimiter<ObjectKey>(TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1000));
        var controller = new Controller(reconciler, new ControllerOptions { Workers = workers, RateLimiter = limiter }, TimeProvider.System);
        using var cts = new CancellationTokenSource();
        var run = controller.RunAsync(cts.Token);
        var names = Enumerable.Range(0, keys).Select(i => new ObjectKey("ns", $"k{i}")).ToArray();
        var clock = Stopwatch.StartNew();
        foreach (var key in names) controller.Queue.Add(key);
        await reconciler.AllDone.Task;
        clock.Stop();
        await cts.CancelAsync();
        await run;
        return (keys / clock.Elapsed.TotalSeconds, clock.Elapsed);
    }
}
