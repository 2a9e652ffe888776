namespace CiBridge.Kubernetes.Queue;

/// <summary>
/// Per-item exponential back-off: the n-th failure waits <c>baseDelay * 2^(n-1)</c>, capped at
/// <c>maxDelay</c> (client-go <c>ItemExponentialFailureRateLimiter</c>).
/// </summary>
public sealed class ExponentialFailureRateLimiter<T>(TimeSpan baseDelay, TimeSpan maxDelay) : IRateLimiter<T>
    where T : notnull
{
    private readonly Lock _gate = new();
    private readonly Dictionary<T, int> _failures = [];

    public TimeSpan When(T item)
    {
        int exponent;
        lock (_gate)
        {
            exponent = _failures.GetValueOrDefault(item);
            _failures[item] = exponent + 1;
        }
        var ticks = baseDelay.Ticks * Math.Pow(2, exponent);
        return ticks >= maxDelay.Ticks ? maxDelay : TimeSpan.FromTicks((long)ticks);
    }

    public void Forget(T item)
    {
        lock (_gate) _failures.Remove(item);
    }

    public int NumRequeues(T item)
    {
        lock (_gate) return _failures.GetValueOrDefault(item);
    }
}
