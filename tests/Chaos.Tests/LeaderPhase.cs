using System.Diagnostics;
using CiBridge.TestKit;

namespace CiBridge.Chaos.Tests;

/// <summary>
/// Two replicas with leader election, as the chart deploys them: the leader is killed with SIGKILL
/// (it cannot hand the Lease over) right after tasks were created, and the time until the other
/// replica leads is measured; the killed one is replaced, and the round repeats.
/// </summary>
internal sealed class LeaderPhase(ChaosWorld world, ChaosWorkload workload, CancellationToken ct)
{
    private const string BecameLeader = "became leader";

    public List<TimeSpan> Takeovers { get; } = [];

    public async Task RunAsync(int leaderKills)
    {
        var replicas = new List<OperatorProcess> { Start(), Start() };
        try
        {
            for (var round = 0; round < leaderKills; round++)
            {
                var leader = await LeaderAsync(replicas, "a replica leads");
                await workload.CreateNextAsync(int.MaxValue);
                var clock = Stopwatch.StartNew();
                await leader.KillAsync();
                replicas.Remove(leader);
                leader.Dispose();
                var survivor = replicas.Single();
                await Eventually.HoldsAsync(() => survivor.Lines.Any(l => l.Contains(BecameLeader, StringComparison.Ordinal)), "the other replica takes over",
                    TimeSpan.FromMinutes(1), ct);
                Takeovers.Add(clock.Elapsed);
                await workload.ActMidRunAsync();
                replicas.Add(Start());
            }
        }
        finally
        {
            foreach (var replica in replicas) replica.Dispose();
        }
    }

    private OperatorProcess Start() => OperatorProcess.Start(world.KubeconfigPath, world.OperatorLog, "--leader-election");

    private async Task<OperatorProcess> LeaderAsync(List<OperatorProcess> replicas, string what)
    {
        await Eventually.HoldsAsync(() => replicas.Any(r => r.Lines.Any(l => l.Contains(BecameLeader, StringComparison.Ordinal))), what, TimeSpan.FromMinutes(1), ct);
        return replicas.Single(r => r.Lines.Any(l => l.Contains(BecameLeader, StringComparison.Ordinal)));
    }
}
