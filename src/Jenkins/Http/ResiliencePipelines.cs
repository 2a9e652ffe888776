using CiBridge.Jenkins.Errors;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace CiBridge.Jenkins.Http;

/// <summary>
/// Per-endpoint Polly pipelines: <see cref="Core"/> (circuit breaker around a per-attempt timeout)
/// guards every request; <see cref="Retry"/> (jittered exponential back-off) wraps reads only.
/// </summary>
internal sealed class ResiliencePipelines(JenkinsClientOptions options, TimeProvider time)
{
    public ResiliencePipeline Core { get; } = new ResiliencePipelineBuilder { TimeProvider = time }
        .AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<JenkinsException>(e => e.IsTransient).Handle<TimeoutRejectedException>(),
            FailureRatio = options.BreakerFailureRatio,
            MinimumThroughput = Math.Max(2, options.BreakerMinimumThroughput),
            SamplingDuration = TimeSpan.FromSeconds(60),
            BreakDuration = options.BreakDuration,
        })
        .AddTimeout(options.RequestTimeout)
        .Build();

    public ResiliencePipeline Retry { get; } = options.ReadRetries <= 0
        ? ResiliencePipeline.Empty
        : new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<JenkinsException>(e => e.IsTransient && e.InnerException is not BrokenCircuitException),
                MaxRetryAttempts = options.ReadRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
            })
            .Build();
}
