namespace CiBridge.Jenkins;

/// <summary>Resilience and limits of one endpoint's client.</summary>
public sealed record JenkinsClientOptions
{
    /// <summary>Timeout of one HTTP attempt. <value>Default 30 s.</value></summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of a failed read (GET); writes are never retried blindly. <value>Default 3.</value></summary>
    public int ReadRetries { get; init; } = 3;

    /// <summary>Base delay of the jittered exponential back-off between read retries. <value>Default 500 ms.</value></summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Failure ratio that opens the circuit. <value>Default 0.5.</value></summary>
    public double BreakerFailureRatio { get; init; } = 0.5;

    /// <summary>Requests in the sampling window before the breaker may open. <value>Default 10.</value></summary>
    public int BreakerMinimumThroughput { get; init; } = 10;

    /// <summary>How long the circuit stays open. <value>Default 30 s.</value></summary>
    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Concurrent requests to the endpoint. <value>Default 4.</value></summary>
    public int MaxConcurrency { get; init; } = 4;

    /// <summary>How long a job's definition (parameters, buildable) is reused before it is read again;
    /// a 4xx from a trigger or a build read of the job drops it sooner. Zero reads it every time.
    /// <value>Default 30 s.</value></summary>
    public TimeSpan JobDefinitionTtl { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Folder depth of job discovery. <value>Default 5.</value></summary>
    public int DiscoveryMaxDepth { get; init; } = 5;

    /// <summary>Jobs job discovery returns at most. <value>Default 500.</value></summary>
    public int DiscoveryMaxJobs { get; init; } = 500;

    /// <summary>Recent builds searched when looking for a queue id or run id. <value>Default 50.</value></summary>
    public int BuildSearchLimit { get; init; } = 50;

    /// <summary>Largest JSON answer read; a larger one fails with <c>ResponseTooLarge</c> instead of
    /// filling memory (a big Jenkins answers the client's <c>tree=</c> selections in far less). <value>Default 16 MiB.</value></summary>
    public int MaxJsonBytes { get; init; } = 16 << 20;

    /// <summary>Most console bytes read per call. <value>Default 1 MiB.</value></summary>
    public int ConsoleChunkMaxBytes { get; init; } = 1 << 20;
}
