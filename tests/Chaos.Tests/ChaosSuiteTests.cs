using System.Diagnostics;
using System.Text.Json;
using CiBridge.Entities.CiTasks;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Models;
using CiBridge.TestKit;

namespace CiBridge.Chaos.Tests;

/// <summary>
/// The operator binary against faulty stand-ins, killed with SIGKILL at random moments and started
/// again, over and over, while CiTasks of every kind run; then the stand-in's record of builds must
/// show exactly the runs due: no duplicate, none lost. docs/reliability.md describes the suite.
/// </summary>
public sealed class ChaosSuiteTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>CI's mode: 30 kills, one leader kill, 100 runs.</summary>
    [Fact]
    public Task ShortMode_KilledOverAndOver_UnderFaults_EveryRunGetsExactlyOneBuild() => RunAsync(ChaosSettings.Short());

    /// <summary>200 kills, five leader kills, 400 runs; only with <c>CIBRIDGE_CHAOS=long</c>.</summary>
    [Fact]
    public Task LongMode_KilledOverAndOver_UnderFaults_EveryRunGetsExactlyOneBuild()
    {
        Assert.SkipUnless(ChaosSettings.LongModeRequested, "long chaos mode (200 kills, about 12 minutes) runs only with CIBRIDGE_CHAOS=long");
        return RunAsync(ChaosSettings.Long());
    }

    private static async Task RunAsync(ChaosSettings settings)
    {
        Report($"chaos {settings.Mode}: seed {settings.Seed} (replay with CIBRIDGE_CHAOS_SEED={settings.Seed})");
        var random = new Random(settings.Seed);
        await using var world = await ChaosWorld.StartAsync(settings.Seed, Ct);
        var plans = TaskPlan.Mix(settings.Scale, random);
        var workload = new ChaosWorkload(world, plans, Ct);
        world.InjectFaults();
        var clock = Stopwatch.StartNew();

        var kills = await KillOverAndOverAsync(world, workload, settings, random);
        var leaderPhase = new LeaderPhase(world, workload, Ct);
        await leaderPhase.RunAsync(settings.LeaderKills);
        using (var last = OperatorProcess.Start(world.KubeconfigPath, world.OperatorLog))
        {
            await Eventually.HoldsAsync(async () => { await workload.ActMidRunAsync(); return await workload.UnsettledAsync(); },
                unsettled => unsettled.Count == 0, $"every task settled (seed {settings.Seed})", TimeSpan.FromMinutes(settings.Scale * 3), Ct);
            await last.KillAsync();
        }

        var ledger = new BuildLedger(plans, world.Jenkins.ReceivedBuilds());
        Report($"chaos {settings.Mode} figures: seed {settings.Seed}, kills {kills}, runs {ledger.Runs}, builds {ledger.Builds}, duplicates {ledger.Duplicates}, lost {ledger.Lost}, "
            + $"duration {clock.Elapsed.TotalSeconds:0}s, "
            + $"leader kills {leaderPhase.Takeovers.Count}, longest takeover {leaderPhase.Takeovers.Max().TotalSeconds:0.0}s, API faults {Format(world.Api.Faults.Injected)}, Jenkins faults {Format(world.Jenkins.InjectedFaults)}");
        // The checks below read as a user would; an injected fault (the events rule matches every verb) must not fail them.
        world.Api.Faults.Clear();
        if (ledger.Duplicates != 0 || ledger.Lost != 0) Report(await ChaosDiagnostics.DescribeAsync(world, plans, ledger, Ct));
        Assert.True(ledger.Duplicates == 0 && ledger.Lost == 0, $"seed {settings.Seed}: " + string.Join("; ", ledger.Mismatches()));
        Assert.True(kills >= settings.Kills, $"only {kills} kills");
        await AssertStatusesMatchJenkinsAsync(world);
        await AssertCanaryNowhereAsync(world);
    }

    /// <summary>Each round: create the next wave of tasks, start the operator, let it live a random while, act mid-run, SIGKILL it.</summary>
    private static async Task<int> KillOverAndOverAsync(ChaosWorld world, ChaosWorkload workload, ChaosSettings settings, Random random)
    {
        // The tasks are spread over the first two thirds of the kills; a tenth is left for the leader phase.
        var reserve = workload.LeftToCreate / 10;
        var wave = (int)Math.Ceiling((workload.LeftToCreate - reserve) / (settings.Kills * 2 / 3.0));
        var kills = 0;
        while (kills < settings.Kills)
        {
            await workload.CreateNextAsync(Math.Min(wave, workload.LeftToCreate - reserve));
            using var process = OperatorProcess.Start(world.KubeconfigPath, world.OperatorLog);
            var (min, max) = ChaosSettings.Lifetime;
            // The kill moment itself is what is random here; there is no condition to await.
            await Task.Delay(min + ((max - min) * random.NextDouble()), Ct);
            await workload.ActMidRunAsync();
            Assert.False(process.HasExited, "the operator exited on its own: " + string.Join('\n', world.OperatorLog.TakeLast(30)));
            await process.KillAsync();
            kills++;
        }
        return kills;
    }

    /// <summary>Every kept task's terminal result is the result Jenkins recorded for the build it names.</summary>
    private static async Task AssertStatusesMatchJenkinsAsync(ChaosWorld world)
    {
        var builds = world.Jenkins.ReceivedBuilds().ToDictionary(b => (b.JobPath, (long)b.Number));
        var tasks = (await world.Client.ListAsync<CiTask>(new ListOptions { Namespace = ChaosWorld.Namespace }, Ct)).Items;
        Assert.NotEmpty(tasks);
        foreach (var task in tasks)
        {
            var run = task.Status!.CurrentRun!;
            Assert.True(builds.TryGetValue((run.Job!, run.BuildNumber ?? -1), out var build), $"{task.Metadata.Name}: Jenkins has no build {run.Job} #{run.BuildNumber}");
            Assert.True(build.Result == run.Result, $"{task.Metadata.Name}: status says {run.Result}, Jenkins {build.Result} for {run.Job} #{run.BuildNumber}");
        }
    }

    /// <summary>The endpoint's token never shows in a status, an Event or any operator log line.</summary>
    private static async Task AssertCanaryNowhereAsync(ChaosWorld world)
    {
        var list = new ListOptions { Namespace = ChaosWorld.Namespace };
        Assert.NotEmpty(world.OperatorLog);   // a capture that saw nothing would prove nothing
        Assert.DoesNotContain(world.OperatorLog, l => l.Contains(world.Token, StringComparison.Ordinal));
        foreach (var task in (await world.Client.ListAsync<CiTask>(list, Ct)).Items)
        {
            Assert.DoesNotContain(world.Token, JsonSerializer.Serialize(task, world.Json.TypeInfo<CiTask>()), StringComparison.Ordinal);
        }
        Assert.DoesNotContain((await world.Client.ListAsync<Event>(list, Ct)).Items, e => e.Message?.Contains(world.Token, StringComparison.Ordinal) == true);
    }

    private static string Format(IReadOnlyDictionary<string, long> counts) => "{" + string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}")) + "}";

    private static void Report(string line)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        TestContext.Current.SendDiagnosticMessage(line);
    }
}
