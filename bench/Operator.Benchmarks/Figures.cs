namespace CiBridge.Operator.Benchmarks;

/// <summary>What one harness run measured.</summary>
internal sealed class Figures
{
    public required BenchSettings Settings { get; init; }

    public TimeSpan StartToReady { get; set; }

    public List<TimeSpan> Reactions { get; } = [];

    /// <summary>The first reaction after start, while the operator's code is still being compiled by the JIT; not among <see cref="Reactions"/>.</summary>
    public TimeSpan FirstReaction { get; set; }

    public List<TimeSpan> Floors { get; } = [];

    public TimeSpan BurstAllTriggered { get; set; }

    /// <summary>CPU time used while the burst was triggered: by the operator, and by the harness's process (stand-ins, proxy, writers).</summary>
    public (TimeSpan Operator, TimeSpan Harness) BurstCpu { get; set; }

    /// <summary>From the burst's first create until every run finished (or the harness stopped waiting).</summary>
    public TimeSpan AllFinished { get; set; }

    /// <summary>How long writes went on after every run read finished (see BenchRun.SettleAsync).</summary>
    public TimeSpan Settling { get; set; }

    /// <summary>Idle-window requests by "verb resource", to show what an idle operator still writes.</summary>
    public IReadOnlyDictionary<string, long> IdleRequests { get; set; } = new Dictionary<string, long>();

    /// <summary>Runs that had finished when the harness stopped waiting; less than <see cref="Runs"/> only after a timeout.</summary>
    public int Finished { get; set; }

    /// <summary>CiTasks the API-request and Jenkins-request figures are averaged over.</summary>
    public int Runs { get; set; }

    /// <summary>Operator requests to the API server during the runs, by "verb resource".</summary>
    public IReadOnlyDictionary<string, long> ApiRequests { get; set; } = new Dictionary<string, long>();

    /// <summary>Operator requests to Jenkins during the runs, by kind (see <see cref="JenkinsProxy.RequestsByKind"/>).</summary>
    public IReadOnlyDictionary<string, long> JenkinsRequests { get; set; } = new Dictionary<string, long>();

    public long IdleWrites { get; set; }

    public long IdleJenkinsRequests { get; set; }

    public long ResidentBytes { get; set; }

    public PreloadFigures Preload { get; } = new();

    /// <summary>The operator's QPS the burst ran at (its default when no flag was given).</summary>
    public double Qps => Settings.Qps ?? 20;

    /// <summary>The burst's lower bound: two writes per run at the operator's QPS.</summary>
    public TimeSpan BurstBound => TimeSpan.FromSeconds(2.0 * Settings.Burst / Qps);

    /// <summary>The burst's triggers per second: its size over the time until all were triggered.</summary>
    public double TriggersPerSecond => Settings.Burst / BurstAllTriggered.TotalSeconds;

    /// <summary>Jenkins requests per build, the operator's only (see <see cref="JenkinsRequests"/>).</summary>
    public double JenkinsRequestsPerBuild => JenkinsRequests.Values.Sum() / (double)Runs;

    /// <summary>
    /// The Jenkins round-trip bound on triggers per second: the requests one endpoint's client has in
    /// flight at most, each taking the Jenkins latency, over the Jenkins requests of a trigger
    /// reconcile (the trigger and, when not kept, the job's definition).
    /// </summary>
    public double JenkinsRoundTripBound => RoundTripBound(TimeSpan.FromMilliseconds(Settings.JenkinsLatencyMs));

    /// <summary>The mean time a trigger of the burst spent at Jenkins: from its arrival at the proxy until its answer was passed back.</summary>
    public TimeSpan BurstTriggerRoundTrip { get; set; }

    /// <summary>The same bound with the trigger round trip measured in the burst instead of the configured latency alone.</summary>
    public double MeasuredRoundTripBound => RoundTripBound(BurstTriggerRoundTrip);

    private double RoundTripBound(TimeSpan roundTrip)
    {
        var perTrigger = (JenkinsRequests.GetValueOrDefault(JenkinsProxy.Trigger) + JenkinsRequests.GetValueOrDefault(JenkinsProxy.JobGet)) / (double)Runs;
        return new Jenkins.JenkinsClientOptions().MaxConcurrency / (roundTrip.TotalSeconds * perTrigger);
    }

    /// <summary>
    /// The machine's CPU bound on triggers per second: its cores over the CPU time the operator and
    /// the harness's process (stand-ins, proxy, writers) spent per run while the burst was triggered.
    /// With every core busy, no operator on this machine could trigger faster at that cost.
    /// </summary>
    public double CpuBound => Environment.ProcessorCount * Settings.Burst / (BurstCpu.Operator + BurstCpu.Harness).TotalSeconds;

    public static TimeSpan Percentile(List<TimeSpan> values, double share)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(sorted.Count * share) - 1)];
    }
}
