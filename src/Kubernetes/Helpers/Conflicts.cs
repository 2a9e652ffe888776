using CiBridge.Kubernetes.Client;
using Polly;
using Polly.Retry;

namespace CiBridge.Kubernetes.Helpers;

/// <summary>
/// client-go's <c>retry.RetryOnConflict</c>: runs a read-modify-write again when the write fails
/// with 409 Conflict, which means another writer got there first. The action must read the object
/// afresh each time. Other errors, and the last conflict, are thrown.
/// </summary>
public static class Conflicts
{
    /// <summary>Runs <paramref name="action"/>, retrying it up to <paramref name="attempts"/> times on 409 Conflict with a short jittered back-off.</summary>
    public static async Task<T> RetryAsync<T>(Func<CancellationToken, Task<T>> action, TimeProvider time, CancellationToken ct, int attempts = 5)
    {
        var pipeline = new ResiliencePipelineBuilder<T> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<T>
            {
                MaxRetryAttempts = attempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(10),
                MaxDelay = TimeSpan.FromSeconds(1),
                ShouldHandle = new PredicateBuilder<T>().Handle<ApiException>(e => e.IsConflict),
            })
            .Build();
        return await pipeline.ExecuteAsync(async token => await action(token), ct);
    }
}
