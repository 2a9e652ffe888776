using System.Collections.Concurrent;
using CiBridge.Sandbox.Tests.ApiServer.Support;
using CiBridge.TestKit;
using k8s;
using k8s.LeaderElection;
using k8s.LeaderElection.ResourceLock;

namespace CiBridge.OfficialClient.Tests;

/// <summary>
/// The official client's own <c>LeaderElector</c> on a coordination.k8s.io Lease: two candidates
/// elect exactly one leader, and the other takes over when the leader stops renewing.
/// The elector runs on the wall clock (it takes no TimeProvider), so the lease is short.
/// </summary>
public sealed class LeaderElectionTests
{
    private const string LeaseName = "official-client-leader";

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task TwoCandidates_ElectExactlyOne_AndTheOtherTakesOverWhenTheLeaderStops(string target)
    {
        using var setup = await OfficialClients.ConnectAsync(target);
        var ns = await OfficialClients.CreateNamespaceAsync(setup);
        await using var a = await Candidate.StartAsync(target, ns, "candidate-a");
        await using var b = await Candidate.StartAsync(target, ns, "candidate-b");

        await Eventually.HoldsAsync(() => !a.Observed.IsEmpty && !b.Observed.IsEmpty, "both candidates to observe a leader", ct: TestContext.Current.CancellationToken);
        var leader = a.Leading.IsEmpty ? b : a;
        var follower = leader == a ? b : a;
        Assert.Equal([leader.Identity], [.. a.Leading, .. b.Leading]);
        Assert.Equal(leader.Identity, follower.Observed.First());
        var lease = await setup.CoordinationV1.ReadNamespacedLeaseAsync(LeaseName, ns, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(leader.Identity, lease.Spec.HolderIdentity);

        await leader.StopAsync();
        await Eventually.HoldsAsync(() => follower.Leading.Count == 1, $"{follower.Identity} to take over", ct: TestContext.Current.CancellationToken);
        var taken = await setup.CoordinationV1.ReadNamespacedLeaseAsync(LeaseName, ns, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(follower.Identity, taken.Spec.HolderIdentity);
        Assert.Equal(1, taken.Spec.LeaseTransitions);
    }

    /// <summary>One elector with its own client, recording what it saw.</summary>
    private sealed class Candidate : IAsyncDisposable
    {
        private readonly k8s.Kubernetes _client;
        private readonly LeaderElector _elector;
        private readonly CancellationTokenSource _stop = new();
        private Task _run = Task.CompletedTask;

        private Candidate(k8s.Kubernetes client, string ns, string identity)
        {
            _client = client;
            Identity = identity;
            _elector = new LeaderElector(new LeaderElectionConfig(new LeaseLock(client, ns, LeaseName, identity))
            {
                LeaseDuration = TimeSpan.FromSeconds(3),
                RenewDeadline = TimeSpan.FromSeconds(2),
                RetryPeriod = TimeSpan.FromMilliseconds(200),
            });
            _elector.OnStartedLeading += () => Leading.Enqueue(identity);
            _elector.OnNewLeader += Observed.Enqueue;
        }

        public string Identity { get; }

        public ConcurrentQueue<string> Leading { get; } = new();

        public ConcurrentQueue<string> Observed { get; } = new();

        public static async Task<Candidate> StartAsync(string target, string ns, string identity)
        {
            var candidate = new Candidate(await OfficialClients.ConnectAsync(target), ns, identity);
            candidate._run = candidate._elector.RunAndTryToHoldLeadershipForeverAsync(candidate._stop.Token);
            return candidate;
        }

        /// <summary>Stops campaigning and renewing, as a crashed leader would.</summary>
        public async Task StopAsync()
        {
            await _stop.CancelAsync();
            try
            {
                await _run;
            }
            catch (OperationCanceledException)
            {
                // the elector ends by cancellation
            }
        }

        public async ValueTask DisposeAsync()
        {
            await StopAsync();
            _elector.Dispose();
            _client.Dispose();
            _stop.Dispose();
        }
    }
}
