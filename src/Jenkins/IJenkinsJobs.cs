using CiBridge.Jenkins.Models;

namespace CiBridge.Jenkins;

/// <summary>Jobs: discovery, definitions, triggers. Job paths are folder names joined by '/'.</summary>
public interface IJenkinsJobs
{
    /// <summary>Lists jobs recursively through folders, bounded by depth and count.</summary>
    Task<JobDiscoveryResult> DiscoverJobsAsync(CancellationToken ct);

    /// <summary>Reads a job with its parameter definitions; a client may reuse a definition it read
    /// recently (<see cref="JenkinsClientOptions.JobDefinitionTtl"/>).</summary>
    Task<JenkinsJob> GetJobAsync(string jobPath, CancellationToken ct);

    /// <summary>Makes the next <see cref="GetJobAsync"/> of the job read it from Jenkins (a client that
    /// keeps no definitions has nothing to forget).</summary>
    void ForgetJob(string jobPath)
    {
    }

    /// <summary>Queues a build (never retried blindly). With a run id, a job that declares
    /// <see cref="TriggerRequest.RunIdParameter"/> gets it, and a lost response is resolved by
    /// searching the queue and recent builds for that run id.</summary>
    Task<TriggerResult> TriggerAsync(TriggerRequest request, CancellationToken ct);
}
