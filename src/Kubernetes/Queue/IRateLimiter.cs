namespace CiBridge.Kubernetes.Queue;

/// <summary>Decides how long an item waits before it is retried (client-go <c>TypedRateLimiter</c>).</summary>
public interface IRateLimiter<in T> where T : notnull
{
    /// <summary>Records one more failure of <paramref name="item"/> and returns how long it should wait.</summary>
    TimeSpan When(T item);

    /// <summary>Forgets the item's failures (it succeeded).</summary>
    void Forget(T item);

    /// <summary>How many failures are recorded for the item.</summary>
    int NumRequeues(T item);
}
