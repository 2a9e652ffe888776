using CiBridge.Jenkins;
using CiBridge.Jenkins.Errors;
using CiBridge.Jenkins.Models;

namespace CiBridge.Operator.Tests.Controllers.Support;

/// <summary>
/// A scripted Jenkins behind the client interface (and the pool that hands it out): jobs, a queue
/// that the test moves along, builds, and a count of every request, so a test can say "no request".
/// </summary>
internal sealed class FakeJenkins : IJenkinsClient, IJenkinsClientPool
{
    private readonly Dictionary<long, QueueItem> _queue = [];
    private readonly Dictionary<int, BuildInfo> _builds = [];
    private long _nextQueueId = 100;

    public Dictionary<string, JenkinsJob> Jobs { get; } = [];

    /// <summary>Definitions the client still keeps from an earlier read (older than <see cref="Jobs"/>) until <see cref="ForgetJob"/>.</summary>
    public Dictionary<string, JenkinsJob> KeptJobs { get; } = [];

    public VerifyOutcome Verification { get; set; } = new(VerifyStatus.Verified, "verified", "2.479", "robot");

    public List<TriggerRequest> Triggers { get; } = [];

    /// <summary>Every call made to this Jenkins, by method.</summary>
    public List<string> Requests { get; } = [];

    /// <summary>Set to make every request fail like an unreachable server.</summary>
    public bool Down { get; set; }

    /// <summary>The user requests come from (the harness's credentials), as causes record it.</summary>
    public string User { get; set; } = "robot";

    /// <summary>Jenkins' clock, for the time a trigger is queued.</summary>
    public Func<DateTimeOffset> Now { get; set; } = () => DateTimeOffset.UnixEpoch;

    /// <summary>Set to queue the next trigger and then lose the answer (a proxy's 502 after Jenkins accepted).</summary>
    public bool LoseNextTriggerAnswer { get; set; }

    /// <summary>With <see cref="LoseNextTriggerAnswer"/>: false when Jenkins has not queued the trigger (yet) either.</summary>
    public bool LostTriggerQueued { get; set; } = true;

    /// <summary>Set to answer the next trigger with this queue item, as Jenkins does when an identical request is still queued.</summary>
    public long? FoldNextTriggerInto { get; set; }

    /// <summary>Runs while a trigger is under way (a test moves its clock: a slow answer).</summary>
    public Action? DuringTrigger { get; set; }

    /// <summary>What the queue and the builds show a trigger search: one entry per trigger, plus what a test adds.</summary>
    public List<TriggeredRun> Recorded { get; } = [];

    public static JenkinsJob Job(string name, bool buildable = true, params JobParameter[] parameters) =>
        new(name, new Uri($"http://jenkins.test/job/{name}/"), "hudson.model.FreeStyleProject", buildable, parameters, 1, null, false);

    public static JobParameter StringParameter(string name) => new(name, "StringParameterDefinition", null, [], null);

    /// <summary>Starts every waiting queue item as a build.</summary>
    public void StartQueued(DateTimeOffset at)
    {
        foreach (var item in _queue.Values.Where(i => i.IsQueued).ToList())
        {
            var number = _builds.Count + 1;
            _queue[item.Id] = item with { State = QueueItemState.Started, BuildNumber = number, BuildUrl = new Uri($"http://jenkins.test/build/{number}/") };
            _builds[number] = new BuildInfo(number, item.Id, true, null, TimeSpan.Zero, at, null, new Uri($"http://jenkins.test/build/{number}/"), new Dictionary<string, string>(), null);
        }
    }

    public void FinishBuilds(string result, string? gitRevision = null)
    {
        foreach (var build in _builds.Values.Where(b => b.Building).ToList())
        {
            _builds[build.Number] = build with { Building = false, Result = result, Duration = TimeSpan.FromSeconds(3), GitRevision = gitRevision };
        }
    }

    public IJenkinsClient Get(string endpointKey, JenkinsEndpointSettings settings) => this;

    public void Remove(string endpointKey)
    {
    }

    public Task<VerifyOutcome> VerifyAsync(CancellationToken ct) =>
        Call(nameof(VerifyAsync), () => Down ? new VerifyOutcome(VerifyStatus.Unreachable, "connection refused") : Verification, failWhenDown: false);

    public Task<JobDiscoveryResult> DiscoverJobsAsync(CancellationToken ct) =>
        Call(nameof(DiscoverJobsAsync), () => new JobDiscoveryResult([.. Jobs.Values.Select(j => new JobSummary(j.FullName, j.Url, j.Class, "blue"))], false));

    public Task<JenkinsJob> GetJobAsync(string jobPath, CancellationToken ct) =>
        Call(nameof(GetJobAsync), () => KeptJobs.TryGetValue(jobPath, out var kept) ? kept
            : Jobs.TryGetValue(jobPath, out var job) ? job : throw new JenkinsException(JenkinsErrorKind.NotFound, $"{jobPath}: 404"));

    public void ForgetJob(string jobPath)
    {
        Requests.Add(nameof(ForgetJob));
        KeptJobs.Remove(jobPath);
    }

    public Task<TriggerResult> TriggerAsync(TriggerRequest request, CancellationToken ct)
    {
        if (FoldNextTriggerInto is { } folded)
        {
            FoldNextTriggerInto = null;
            Triggers.Add(request);
            return Call(nameof(TriggerAsync), () => new TriggerResult(folded, new Uri($"http://jenkins.test/queue/item/{folded}/")));
        }
        var id = ++_nextQueueId;
        DuringTrigger?.Invoke();
        if (!Down && (LostTriggerQueued || !LoseNextTriggerAnswer))
        {
            Triggers.Add(request);
            _queue[id] = new QueueItem(id, QueueItemState.Waiting, "waiting", null, null, request.JobPath);
            var values = (request.Parameters ?? new Dictionary<string, string>()).ToDictionary(p => p.Key, p => (string?)p.Value);
            Recorded.Add(new TriggeredRun(id, null, Now(), [User], values));
        }
        if (LoseNextTriggerAnswer && !Down)
        {
            LoseNextTriggerAnswer = false;
            Requests.Add(nameof(TriggerAsync));
            throw new JenkinsException(JenkinsErrorKind.Server, "POST buildWithParameters: 502 from Jenkins or a proxy in front of it", 502) { OutcomeUnknown = true };
        }
        return Call(nameof(TriggerAsync), () => new TriggerResult(id, new Uri($"http://jenkins.test/queue/item/{id}/")));
    }

    public Task<QueueItem> GetQueueItemAsync(long queueItemId, CancellationToken ct) => Call(nameof(GetQueueItemAsync), () => _queue[queueItemId]);

    public Task<bool> CancelQueueItemAsync(long queueItemId, CancellationToken ct) => Call(nameof(CancelQueueItemAsync), () => true);

    public Task<RunLocation?> FindRunAsync(string jobPath, string parameterName, string value, DateTimeOffset? since, CancellationToken ct) =>
        Call<RunLocation?>(nameof(FindRunAsync), () => null);

    public Task<IReadOnlyList<TriggeredRun>> FindTriggeredAsync(TriggerFingerprint fingerprint, CancellationToken ct) =>
        Call<IReadOnlyList<TriggeredRun>>(nameof(FindTriggeredAsync), () => [.. Recorded.Where(r => fingerprint.Matches(r, User)).OrderBy(r => r.Since)]);

    public Task<BuildInfo> GetBuildAsync(string jobPath, int buildNumber, CancellationToken ct) => Call(nameof(GetBuildAsync), () => _builds[buildNumber]);

    public Task<BuildInfo?> FindBuildByQueueIdAsync(string jobPath, long queueItemId, CancellationToken ct) =>
        Call(nameof(FindBuildByQueueIdAsync), () => _builds.Values.FirstOrDefault(b => b.QueueId == queueItemId));

    public Task<ConsoleChunk> ReadConsoleAsync(string jobPath, int buildNumber, long offset, CancellationToken ct) =>
        Call(nameof(ReadConsoleAsync), () => new ConsoleChunk("step 1\nerror: tests failed\n", 30, false, false));

    public Task StopBuildAsync(string jobPath, int buildNumber, CancellationToken ct) => Call(nameof(StopBuildAsync), () => true);

    public void Dispose()
    {
    }

    private Task<T> Call<T>(string method, Func<T> answer, bool failWhenDown = true)
    {
        Requests.Add(method);
        if (Down && failWhenDown) throw new JenkinsException(JenkinsErrorKind.Unreachable, "connection refused");
        return Task.FromResult(answer());
    }
}
