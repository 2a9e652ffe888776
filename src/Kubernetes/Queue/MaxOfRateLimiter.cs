namespace CiBridge.Kubernetes.Queue;

/// <summary>Asks every limiter and waits for the longest answer (client-go <c>MaxOfRateLimiter</c>).</summary>
public sealed class MaxOfRateLimiter<T>(params IRateLimiter<T>[] limiters) : IRateLimiter<T> where T : notnull
{
    public TimeSpan When(T item)
    {
        var longest = TimeSpan.Zero;
        foreach (var limiter in limiters)
        {
            var delay = limiter.When(item);
            if (delay > longest) longest = delay;
        }
        return longest;
    }

    public void Forget(T item)
    {
        foreach (var limiter in limiters) limiter.Forget(item);
    }

    public int NumRequeues(T item) => limiters.Max(l => l.NumRequeues(item));
}

/// <summary>The rate limiters controllers use unless told otherwise.</summary>
public static class RateLimiters
{
    /// <summary>
    /// client-go's <c>DefaultControllerRateLimiter</c>: the longer of a per-item exponential back-off
    /// (5 ms doubling to 1000 s) and an overall token bucket (10 qps, burst 100).
    /// </summary>
    public static IRateLimiter<T> DefaultController<T>(TimeProvider time) where T : notnull =>
        new MaxOfRateLimiter<T>(
            new ExponentialFailureRateLimiter<T>(TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1000)),
            new BucketRateLimiter<T>(new TokenBucket(10, 100, time)));
}
