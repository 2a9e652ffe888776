namespace CiBridge.Jenkins.Models;

/// <summary>What to trigger.</summary>
/// <param name="JobPath">Folder path and job name, '/'-separated.</param>
/// <param name="Parameters">Parameter values; names the job does not declare are rejected.</param>
/// <param name="RunId">A unique id of this run; sent as <see cref="RunIdParameter"/> when the job declares it.</param>
public sealed record TriggerRequest(string JobPath, IReadOnlyDictionary<string, string>? Parameters = null, string? RunId = null)
{
    /// <summary>The parameter that carries the run id (the CiBridge convention).</summary>
    public const string RunIdParameter = "CIBRIDGE_RUN_ID";

    /// <summary>The job's definition as the caller just read it; null reads it first (one more request).</summary>
    public JenkinsJob? Job { get; init; }
}
