using CiBridge.Jenkins.Errors;
using CiBridge.Jenkins.Http;
using CiBridge.Jenkins.Models;
using CiBridge.Jenkins.Wire;

namespace CiBridge.Jenkins;

/// <summary>The client of one endpoint; each operation is a few requests with <c>tree=</c> selections.</summary>
internal sealed class JenkinsClient(JenkinsTransport transport, TimeProvider time) : IJenkinsClient
{
    private readonly Triggerer _triggerer = new(transport);
    private readonly JobDefinitions _jobs = new(transport.Options.JobDefinitionTtl, time);

    public Task<VerifyOutcome> VerifyAsync(CancellationToken ct) => new Verifier(transport).VerifyAsync(ct);

    public Task<JobDiscoveryResult> DiscoverJobsAsync(CancellationToken ct) => new JobDiscoverer(transport).DiscoverAsync(ct);

    public Task<JenkinsJob> GetJobAsync(string jobPath, CancellationToken ct) =>
        _jobs.GetAsync(jobPath, token => ReadJobAsync(jobPath, token), ct);

    public void ForgetJob(string jobPath) => _jobs.Forget(jobPath);

    private async Task<JenkinsJob> ReadJobAsync(string jobPath, CancellationToken ct)
    {
        var relative = JobPaths.ToRelativeUrl(jobPath) + "api/json?tree=" + Trees.Job;
        var response = await transport.GetAsync(relative, ct);
        return WireReader.Read(response.Body, relative, WireReader.Job);
    }

    public Task<TriggerResult> TriggerAsync(TriggerRequest request, CancellationToken ct) =>
        ForgettingJobOnClientErrorAsync(request.JobPath, () => _triggerer.TriggerAsync(request, this, ct));

    public async Task<QueueItem> GetQueueItemAsync(long queueItemId, CancellationToken ct)
    {
        var relative = $"queue/item/{WireReader.Invariant(queueItemId)}/api/json";
        var response = await transport.GetAsync(relative, ct);
        return WireReader.Read(response.Body, relative, WireReader.QueueItem);
    }

    public async Task<bool> CancelQueueItemAsync(long queueItemId, CancellationToken ct)
    {
        try
        {
            var response = await transport.PostAsync($"queue/cancelItem?id={WireReader.Invariant(queueItemId)}", null, [302, 303], ct);
            return response.IsSuccess || response.Status is 302 or 303;
        }
        catch (JenkinsException e) when (e.Kind == JenkinsErrorKind.NotFound || e.StatusCode == 500)
        {
            return false;
        }
    }

    public Task<RunLocation?> FindRunAsync(string jobPath, string parameterName, string value, DateTimeOffset? since, CancellationToken ct) =>
        new RunFinder(transport).FindAsync(jobPath, parameterName, value, since, ct);

    public Task<IReadOnlyList<TriggeredRun>> FindTriggeredAsync(TriggerFingerprint fingerprint, CancellationToken ct) =>
        new TriggerSearch(transport).FindAsync(fingerprint, ct);

    public async Task<BuildInfo> GetBuildAsync(string jobPath, int buildNumber, CancellationToken ct)
    {
        var relative = JobPaths.Build(jobPath, buildNumber) + "api/json?tree=" + Trees.Build;
        var response = await ForgettingJobOnClientErrorAsync(jobPath, () => transport.GetAsync(relative, ct));
        return WireReader.Read(response.Body, relative, WireReader.Build);
    }

    public async Task<BuildInfo?> FindBuildByQueueIdAsync(string jobPath, long queueItemId, CancellationToken ct) =>
        (await RecentBuildsAsync(jobPath, ct)).FirstOrDefault(b => b.QueueId == queueItemId);

    public async Task<ConsoleChunk> ReadConsoleAsync(string jobPath, int buildNumber, long offset, CancellationToken ct)
    {
        var relative = JobPaths.Build(jobPath, buildNumber) + "logText/progressiveText?start=" + WireReader.Invariant(Math.Max(0, offset));
        var response = await transport.GetAsync(relative, ct, transport.Options.ConsoleChunkMaxBytes);
        var next = response.TextSize ?? offset + System.Text.Encoding.UTF8.GetByteCount(response.Body);
        var text = response.Body.Replace("\r\n", "\n", StringComparison.Ordinal);
        return new ConsoleChunk(text, next, response.MoreData, response.Truncated);
    }

    public async Task StopBuildAsync(string jobPath, int buildNumber, CancellationToken ct) =>
        await transport.PostAsync(JobPaths.Build(jobPath, buildNumber) + "stop", null, [302, 303], ct);

    private async Task<IReadOnlyList<BuildInfo>> RecentBuildsAsync(string jobPath, CancellationToken ct) =>
        await new BuildHistory(transport).ReadAsync(jobPath, Trees.Build, null, WireReader.Build, ct);

    public void Dispose() => transport.Dispose();

    /// <summary>A 4xx about a job means it was deleted, renamed or changed since its definition was read: the kept definition goes.</summary>
    private async Task<T> ForgettingJobOnClientErrorAsync<T>(string jobPath, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (JenkinsException e) when (e.StatusCode is >= 400 and < 500)
        {
            _jobs.Forget(jobPath);
            throw;
        }
    }
}
