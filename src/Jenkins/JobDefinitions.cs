using System.Collections.Concurrent;
using CiBridge.Jenkins.Models;

namespace CiBridge.Jenkins;

/// <summary>
/// Job definitions read recently, kept per job path for <see cref="JenkinsClientOptions.JobDefinitionTtl"/>
/// (one client is one endpoint): a burst of triggers of one job reads its definition once. A change
/// made in Jenkins (a parameter added, the job disabled) is seen within the TTL; a 4xx from a
/// trigger or a build read of the job, and <see cref="Forget"/>, drop the kept definition at once.
/// </summary>
internal sealed class JobDefinitions(TimeSpan ttl, TimeProvider time)
{
    /// <summary>Jobs kept at most; beyond, the cache starts over (a bound on memory, not an eviction policy).</summary>
    private const int MaxJobs = 1000;

    private readonly ConcurrentDictionary<string, (JenkinsJob Job, long ReadAt)> _jobs = new(StringComparer.Ordinal);

    public async Task<JenkinsJob> GetAsync(string jobPath, Func<CancellationToken, Task<JenkinsJob>> read, CancellationToken ct)
    {
        if (_jobs.TryGetValue(jobPath, out var kept) && time.GetElapsedTime(kept.ReadAt) < ttl) return kept.Job;
        // Timed from before the read, so a kept definition is never older than the TTL.
        var readAt = time.GetTimestamp();
        var job = await read(ct);
        if (ttl <= TimeSpan.Zero) return job;
        if (_jobs.Count >= MaxJobs) _jobs.Clear();
        _jobs[jobPath] = (job, readAt);
        return job;
    }

    public void Forget(string jobPath) => _jobs.TryRemove(jobPath, out _);
}
