using System.Diagnostics;

namespace CiBridge.TestKit;

/// <summary>
/// Waits for a condition on real time (for integration tests against loopback servers) and,
/// when it never holds, fails with the last state it saw instead of a bare timeout.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Polls <paramref name="probe"/> until <paramref name="holds"/> is true for its value.</summary>
    public static async Task<T> HoldsAsync<T>(
        Func<Task<T>> probe,
        Func<T, bool> holds,
        string what,
        TimeSpan? timeout = null,
        CancellationToken ct = default)
    {
        var limit = timeout ?? DefaultTimeout;
        var clock = Stopwatch.StartNew();
        var delay = TimeSpan.FromMilliseconds(10);
        T last = default!;
        Exception? lastError = null;
        while (clock.Elapsed < limit)
        {
            try
            {
                last = await probe();
                lastError = null;
                if (holds(last)) return last;
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                lastError = e;
            }
            await Task.Delay(delay, ct);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 200));
        }
        var seen = lastError is not null ? $"last error: {lastError.GetType().Name}: {lastError.Message}" : $"last value: {Describe(last)}";
        throw new TimeoutException($"Timed out after {limit.TotalSeconds:0.#}s waiting for {what}; {seen}");
    }

    /// <summary>Polls a synchronous condition.</summary>
    public static Task HoldsAsync(Func<bool> condition, string what, TimeSpan? timeout = null, CancellationToken ct = default) =>
        HoldsAsync(() => Task.FromResult(condition()), ok => ok, what, timeout, ct);

    private static string Describe<T>(T value) => value switch
    {
        null => "null",
        System.Collections.IEnumerable items and not string => "[" + string.Join(", ", items.Cast<object?>().Take(20)) + "]",
        _ => value.ToString() ?? "",
    };
}
