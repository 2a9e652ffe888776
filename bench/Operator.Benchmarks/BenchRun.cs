using System.Diagnostics;

namespace CiBridge.Operator.Benchmarks;

/// <summary>The phases of one measurement: start, reaction against the floor, burst, follow-up to the end, idle.</summary>
internal static class BenchRun
{
    private static readonly TimeSpan s_triggerTimeout = TimeSpan.FromMinutes(2);
    private static readonly string[] s_writeVerbs = ["create", "update", "patch", "delete", "deletecollection"];
    private static readonly TimeSpan s_quiet = TimeSpan.FromSeconds(3);

    public static async Task<Figures> RunAsync(BenchSettings settings)
    {
        var figures = new Figures { Settings = settings };
        await using var world = await BenchWorld.StartAsync(settings);
        if (settings.PreloadEndpoints > 0)
        {
            figures.Preload.Created = await Preload.CreateAsync(world, settings);
            figures.Preload.ListFloor = await Preload.ListFloorAsync(world);
        }
        await using var op = OperatorProcess.Start(world.Kubeconfig, settings);
        figures.StartToReady = await op.WaitReadyAsync(TimeSpan.FromMinutes(1));
        await world.WaitEndpointReadyAsync(TimeSpan.FromMinutes(1));
        if (settings.PreloadEndpoints > 0) await SettlePreloadAsync(world, op, figures);

        if (settings.WarmUp > 0) await WarmUpAsync(world, settings.WarmUp);

        var apiBefore = await world.Client.OperatorRequestsAsync();
        var jenkinsBefore = world.Proxy.RequestsByKind;
        Progress($"operator ready after {figures.StartToReady.TotalSeconds:0.00} s, endpoint Ready");
        await ReactionsAsync(world, figures);
        Progress($"{settings.Samples} reaction and floor samples taken");
        var cpuBefore = (Operator: op.CpuTime(), Harness: HarnessCpuTime());
        var roundTripsBefore = world.Proxy.TriggerRoundTrips;
        figures.BurstAllTriggered = await BurstAsync(world, settings.Burst, "burst");
        figures.BurstCpu = (op.CpuTime() - cpuBefore.Operator, HarnessCpuTime() - cpuBefore.Harness);
        Progress($"burst of {settings.Burst} triggered");
        var burstStart = Stopwatch.GetTimestamp() - (long)(figures.BurstAllTriggered.TotalSeconds * Stopwatch.Frequency);
        (figures.Finished, figures.Runs) = await world.WaitAllFinishedAsync(TimeSpan.FromMinutes(settings.Short ? 3 : 10));
        (figures.Finished, figures.Runs) = (figures.Finished - settings.WarmUp, figures.Runs - settings.WarmUp);
        figures.AllFinished = Stopwatch.GetElapsedTime(burstStart);
        var roundTrips = world.Proxy.TriggerRoundTrips;
        figures.BurstTriggerRoundTrip = (roundTrips.Total - roundTripsBefore.Total) / Math.Max(1, roundTrips.Count - roundTripsBefore.Count);
        Progress($"{figures.Finished} of {figures.Runs} runs finished");
        figures.Settling = await SettleAsync(world);
        Progress($"writes settled {figures.Settling.TotalSeconds:0.0} s after the last run finished");
        figures.ApiRequests = Delta(apiBefore, await world.Client.OperatorRequestsAsync());
        var jenkins = Delta(jenkinsBefore, world.Proxy.RequestsByKind);
        // The floor's own job GET and trigger per sample are not the operator's.
        jenkins[JenkinsProxy.JobGet] -= settings.Samples;
        jenkins[JenkinsProxy.Trigger] -= settings.Samples;
        figures.JenkinsRequests = jenkins.Where(p => p.Value != 0).ToDictionary(StringComparer.Ordinal);

        var idleApi = await world.Client.OperatorRequestsAsync();
        var idleJenkins = world.Proxy.Requests;
        await Task.Delay(TimeSpan.FromSeconds(settings.IdleSeconds), TimeProvider.System);
        figures.IdleRequests = Delta(idleApi, await world.Client.OperatorRequestsAsync());
        figures.IdleWrites = Writes(figures.IdleRequests);
        figures.IdleJenkinsRequests = world.Proxy.Requests - idleJenkins;
        figures.ResidentBytes = op.ResidentBytes();
        Progress($"idle window of {settings.IdleSeconds:0.#} s over");
        return figures;
    }

    /// <summary>
    /// The writes that still follow once every run reads finished (status writes queued behind the
    /// client's rate limit, the last Events) belong to the runs, not to the idle window: waits until
    /// no write came for <see cref="s_quiet"/> (at most a minute); the runs' counts are taken after it.
    /// </summary>
    private static async Task<TimeSpan> SettleAsync(BenchWorld world)
    {
        var started = Stopwatch.GetTimestamp();
        var lastChange = started;
        var writes = Writes(await world.Client.OperatorRequestsAsync());
        while (Stopwatch.GetElapsedTime(lastChange) < s_quiet && Stopwatch.GetElapsedTime(started) < TimeSpan.FromMinutes(1))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), TimeProvider.System);
            var now = Writes(await world.Client.OperatorRequestsAsync());
            if (now != writes) (writes, lastChange) = (now, Stopwatch.GetTimestamp());
        }
        return Stopwatch.GetElapsedTime(started, lastChange);
    }

    /// <summary>
    /// A burst of <paramref name="count"/> CiTasks before anything is measured, waited for until every
    /// run finished and the writes settled: the code of the trigger and follow paths has then been
    /// compiled and optimized, as in an operator that has run for a while.
    /// </summary>
    private static async Task WarmUpAsync(BenchWorld world, int count)
    {
        await BurstAsync(world, count, "warm-up");
        var (finished, all) = await world.WaitAllFinishedAsync(TimeSpan.FromMinutes(10));
        if (finished != all) throw new InvalidOperationException($"only {finished} of {all} warm-up runs finished within 10 minutes");
        await SettleAsync(world);
        Progress($"warm-up of {count} runs finished, writes settled");
    }

    /// <summary>Waits until the operator verified every preloaded endpoint and its writes settled; the start figures are taken then.</summary>
    private static async Task SettlePreloadAsync(BenchWorld world, OperatorProcess op, Figures figures)
    {
        var ready = Stopwatch.GetTimestamp();
        await Preload.WaitVerifiedAsync(world, figures.Settings.PreloadEndpoints, TimeSpan.FromMinutes(10));
        await SettleAsync(world);
        figures.Preload.Settled = Stopwatch.GetElapsedTime(ready);
        figures.Preload.StartRequests = await world.Client.OperatorRequestsAsync();
        figures.Preload.SettledResidentBytes = op.ResidentBytes();
        Progress($"{figures.Settings.PreloadTasks} CiTasks and {figures.Settings.PreloadEndpoints} endpoints preloaded in {figures.Preload.Created.TotalSeconds:0.0} s; all verified, writes settled {figures.Preload.Settled.TotalSeconds:0.0} s after ready");
    }

    private static long Writes(IReadOnlyDictionary<string, long> requests) =>
        requests.Where(p => s_writeVerbs.Contains(ApiClient.VerbOf(p.Key))).Sum(p => p.Value);

    /// <summary>This process's CPU time: the API server and Jenkins stand-ins, the proxy and the writers all run in it.</summary>
    private static TimeSpan HarnessCpuTime()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    private static void Progress(string what) => Console.WriteLine($"[{TimeProvider.System.GetUtcNow():HH:mm:ss.f}] {what}");

    /// <summary>
    /// Alternates a bare-client floor sample with one reaction, a pair at most every
    /// 2 × <see cref="ObjectWritesPerRun"/> / QPS. The first reaction after start pays for compiling
    /// the trigger path and is reported on its own, not among the samples.
    /// </summary>
    private static async Task ReactionsAsync(BenchWorld world, Figures figures)
    {
        figures.FirstReaction = await ReactionAsync(world, "reaction-first");
        var pace = TimeSpan.FromSeconds(2.0 * ObjectWritesPerRun / figures.Qps);
        for (var i = 0; i < figures.Settings.Samples; i++)
        {
            var started = Stopwatch.GetTimestamp();
            figures.Floors.Add(await FloorAsync(world, i));
            figures.Reactions.Add(await ReactionAsync(world, $"reaction-{BenchWorld.Text(i)}"));
            var rest = pace - Stopwatch.GetElapsedTime(started);
            if (rest > TimeSpan.Zero) await Task.Delay(rest, TimeProvider.System);
        }
    }

    /// <summary>
    /// The writes to its CiTask a run costs the operator (finalizer, intent, queue item, result). The
    /// reaction samples are spaced so that their runs need at most half the operator's write rate:
    /// back to back, 50 samples at QPS 20 outran it, and the later reactions measured the wait for
    /// rate-limit tokens, which is the burst's figure, not the reaction's.
    /// </summary>
    private const int ObjectWritesPerRun = 4;

    /// <summary>Creates one CiTask; the time from the create's return until its trigger reached Jenkins.</summary>
    private static async Task<TimeSpan> ReactionAsync(BenchWorld world, string name)
    {
        world.Proxy.ForgetTriggers();
        await world.Client.CreateAsync(BenchWorld.Tasks, BenchWorld.CiTask(name));
        var created = Stopwatch.GetTimestamp();
        var arrived = await world.Proxy.NextTriggerAsync(s_triggerTimeout);
        return Stopwatch.GetElapsedTime(created, arrived);
    }

    /// <summary>What the operator cannot beat: two API writes, the job's definition, then the trigger, back to back.</summary>
    private static async Task<TimeSpan> FloorAsync(BenchWorld world, int i)
    {
        var name = $"floor-{BenchWorld.Text(i)}";
        world.Proxy.ForgetTriggers();
        var start = Stopwatch.GetTimestamp();
        await world.Client.CreateAsync($"/api/v1/namespaces/{BenchWorld.Ns}/configmaps", $$$"""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"{{{name}}}"},"data":{"phase":"Pending"}}""");
        await world.Client.MergePatchAsync($"/api/v1/namespaces/{BenchWorld.Ns}/configmaps/{name}", """{"data":{"phase":"Queued"}}""");
        using (var job = await world.JenkinsClient.GetAsync("job/bench/job/build/api/json")) job.EnsureSuccessStatusCode();
        var trigger = world.JenkinsClient.PostAsync($"job/bench/job/build/buildWithParameters?CIBRIDGE_RUN_ID={name}", null);
        var arrived = await world.Proxy.NextTriggerAsync(s_triggerTimeout);
        using (var response = await trigger) response.EnsureSuccessStatusCode();
        return Stopwatch.GetElapsedTime(start, arrived);
    }

    /// <summary>Creates <paramref name="count"/> CiTasks at once; the time from the first create until all triggers reached Jenkins.</summary>
    private static async Task<TimeSpan> BurstAsync(BenchWorld world, int count, string prefix)
    {
        world.Proxy.ForgetTriggers();
        var start = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (i, _) => await world.Client.CreateAsync(BenchWorld.Tasks, BenchWorld.CiTask($"{prefix}-{BenchWorld.Text(i)}")));
        Progress($"{prefix}: {count} creates returned after {Stopwatch.GetElapsedTime(start).TotalSeconds:0.00} s");
        var last = start;
        for (var i = 0; i < count; i++) last = await world.Proxy.NextTriggerAsync(s_triggerTimeout);
        return Stopwatch.GetElapsedTime(start, last);
    }

    private static Dictionary<string, long> Delta(IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after) =>
        after.Select(p => (p.Key, Count: p.Value - before.GetValueOrDefault(p.Key))).Where(p => p.Count != 0).ToDictionary(p => p.Key, p => p.Count, StringComparer.Ordinal);
}
