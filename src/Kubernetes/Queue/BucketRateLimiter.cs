namespace CiBridge.Kubernetes.Queue;

/// <summary>An overall rate limit shared by all items (client-go <c>BucketRateLimiter</c>).</summary>
public sealed class BucketRateLimiter<T>(TokenBucket bucket) : IRateLimiter<T> where T : notnull
{
    public TimeSpan When(T item) => bucket.Reserve();

    public void Forget(T item)
    {
    }

    public int NumRequeues(T item) => 0;
}
