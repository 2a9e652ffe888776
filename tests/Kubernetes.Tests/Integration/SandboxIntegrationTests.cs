using System.Globalization;
using System.Text.Json.Nodes;
using CiBridge.Kubernetes.Cache;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Helpers;
using CiBridge.Kubernetes.LeaderElection;
using CiBridge.Kubernetes.Models;
using CiBridge.Kubernetes.Tests.Support;
using CiBridge.TestKit;

namespace CiBridge.Kubernetes.Tests.Integration;

/// <summary>The client, informer and leader election against the sandbox API server on loopback.</summary>
public sealed class SandboxIntegrationTests(SandboxCluster cluster) : IClassFixture<SandboxCluster>
{
    private static readonly CancellationToken s_ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task CustomKind_CrudPatchesAndStatus_RoundTrip()
    {
        var ns = await cluster.NamespaceAsync("crud", s_ct);
        var client = cluster.Client();
        var key = new ObjectKey(ns, "w1");

        var created = await client.CreateAsync(Widget.Named(ns, "w1", "red"), s_ct);
        var duplicate = await Assert.ThrowsAsync<ApiException>(() => client.CreateAsync(Widget.Named(ns, "w1"), s_ct));
        await client.PatchAsync<Widget>(key, Patch.Merge(JsonNode.Parse("""{"spec":{"owner":"me"}}""")!), s_ct);
        await client.PatchAsync<Widget>(key, Patch.Json([new JsonObject { ["op"] = "replace", ["path"] = "/spec/color", ["value"] = "blue" }]), s_ct);
        var applied = await client.PatchAsync<Widget>(key, Patch.Apply(new JsonObject
        {
            ["apiVersion"] = "example.com/v1",
            ["kind"] = "Widget",
            ["metadata"] = new JsonObject { ["name"] = "w1", ["namespace"] = ns },
            ["spec"] = new JsonObject { ["color"] = "green" },
        }), s_ct);
        var before = await client.GetAsync<Widget>(key, s_ct);
        var after = SandboxCluster.Json.DeepCopy(before!);
        after.Status = new WidgetStatus { Phase = "Ready", ObservedGeneration = after.Metadata.Generation };
        var wrote = await client.Status.PatchStatusIfChangedAsync(before!, after, SandboxCluster.Json, s_ct);
        var again = await client.Status.PatchStatusIfChangedAsync(SandboxCluster.Json.DeepCopy(after), after, SandboxCluster.Json, s_ct);
        var read = await client.GetAsync<Widget>(key, s_ct);
        var listed = await client.ListAsync<Widget>(new ListOptions { Namespace = ns }, s_ct);

        Assert.NotNull(created.Metadata.Uid);
        Assert.True(duplicate.IsAlreadyExists);
        Assert.Equal("green", applied.Spec.Color);
        Assert.True(wrote);
        Assert.False(again);
        Assert.Equal(("green", "me", "Ready"), (read!.Spec.Color, read.Spec.Owner, read.Status!.Phase));
        Assert.Single(listed.Items);
        Assert.True(await client.DeleteAsync<Widget>(key, s_ct));
        Assert.False(await client.DeleteAsync<Widget>(key, s_ct));
        Assert.Null(await client.GetAsync<Widget>(key, s_ct));
    }

    [Fact]
    public async Task Conflicts_AreSurfaced_AndRetriedByCallers()
    {
        var ns = await cluster.NamespaceAsync("conflict", s_ct);
        var client = cluster.Client();
        var key = new ObjectKey(ns, "counter");
        await client.CreateAsync(new ConfigMap { Metadata = new ObjectMeta { Name = "counter", Namespace = ns }, Data = new() { ["n"] = "0" } }, s_ct);
        var stale = await client.GetAsync<ConfigMap>(key, s_ct);
        var fresh = await client.GetAsync<ConfigMap>(key, s_ct);
        fresh!.Data!["n"] = "100";
        await client.ReplaceAsync(fresh, s_ct);

        var conflict = await Assert.ThrowsAsync<ApiException>(() => client.ReplaceAsync(stale!, s_ct));
        Assert.True(conflict.IsConflict);
        Assert.Equal("Conflict", conflict.Reason);

        var conflictsSeen = 0;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Conflicts.RetryAsync(async token =>
        {
            var current = await client.GetAsync<ConfigMap>(key, token);
            current!.Data!["n"] = (int.Parse(current.Data["n"], CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture);
            try
            {
                return await client.ReplaceAsync(current, token);
            }
            catch (ApiException e) when (e.IsConflict)
            {
                Interlocked.Increment(ref conflictsSeen);
                throw;
            }
        }, TimeProvider.System, s_ct, attempts: 50)));

        Assert.Equal("108", (await client.GetAsync<ConfigMap>(key, s_ct))!.Data!["n"]);
        Assert.True(conflictsSeen > 0, "concurrent writers should have collided at least once");
    }

    [Fact]
    public async Task Informer_StaysIdenticalToServer_Through1000Writes_WithWatchesDroppedAtRandom()
    {
        var ns = await cluster.NamespaceAsync("informer", s_ct);
        var writer = cluster.Client();
        var chaos = new ChaosHandler(CiBridge.Kubernetes.Client.HttpHandlerFactory.Create(cluster.Configuration), seed: 42);
        var reader = cluster.Client(chaos);
        var informer = Informer.Create<ConfigMap>(reader, new InformerOptions
        {
            Namespaces = [ns],
            ReconnectDelay = TimeSpan.FromMilliseconds(5),
            MaxReconnectDelay = TimeSpan.FromMilliseconds(50),
        }, TimeProvider.System);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(s_ct);
        var run = informer.RunAsync(cts.Token);
        await Eventually.HoldsAsync(() => informer.HasSynced, "informer synced", ct: s_ct);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(w => WriteRandomlyAsync(writer, ns, w, 250)));

        var server = await writer.ListAsync<ConfigMap>(new ListOptions { Namespace = ns }, s_ct);
        var expected = Snapshot(server.Items);
        await Eventually.HoldsAsync(() => Task.FromResult(Snapshot(informer.List(ns))), s => s == expected, "cache equals server", ct: s_ct);
        Assert.True(chaos.Drops > 3, $"only {chaos.Drops} watches were dropped");
        await cts.CancelAsync();
        await run;
    }

    /// <summary>Counts how many electors lead at once, from their own callbacks.</summary>
    private sealed class LeadershipLog
    {
        private int _leaders;
        private int _max;
        private int _terms;

        public int Leaders => Volatile.Read(ref _leaders);

        public int Max => Volatile.Read(ref _max);

        public int Terms => Volatile.Read(ref _terms);

        public async Task LeadAsync(CancellationToken leading)
        {
            InterlockedMax(ref _max, Interlocked.Increment(ref _leaders));
            Interlocked.Increment(ref _terms);
            try
            {
                await Task.Delay(Timeout.Infinite, leading);
            }
            catch (OperationCanceledException)
            {
            }
            finally
            {
                Interlocked.Decrement(ref _leaders);
            }
        }
    }

    private sealed record Replica(CancellationTokenSource Stop, Task Run, ILeaderElector Elector);

    private Replica StartElector(string ns, string identity, LeadershipLog log)
    {
        var elector = LeaderElector.Create(cluster.Client(), new LeaderElectionOptions
        {
            LeaseName = "lock",
            LeaseNamespace = ns,
            Identity = identity,
            LeaseDuration = TimeSpan.FromSeconds(2),
            RenewDeadline = TimeSpan.FromSeconds(1.5),
            RetryPeriod = TimeSpan.FromMilliseconds(200),
        }, TimeProvider.System);
        var stop = CancellationTokenSource.CreateLinkedTokenSource(s_ct);
        return new Replica(stop, elector.RunAsync(log.LeadAsync, () => { }, stop.Token), elector);
    }

    [Fact]
    public async Task LeaderElection_TwoElectorsOnOneLease_NeverLeadAtOnce()
    {
        var ns = await cluster.NamespaceAsync("leader", s_ct);
        var log = new LeadershipLog();
        Replica[] replicas = [StartElector(ns, "a", log), StartElector(ns, "b", log)];
        var client = cluster.Client();
        var key = new ObjectKey(ns, "lock");
        await Eventually.HoldsAsync(() => log.Terms == 1, "one leader", ct: s_ct);
        var first = await client.GetAsync<Lease>(key, s_ct);
        await Eventually.HoldsAsync(() => client.GetAsync<Lease>(key, s_ct).AsTask(),
            l => l!.Spec.RenewTime > first!.Spec.RenewTime!.Value.AddSeconds(2), "lease renewed for a while", ct: s_ct);
        var leader = replicas.Single(r => r.Elector.IsLeader);

        await leader.Stop.CancelAsync();
        await leader.Run;
        await Eventually.HoldsAsync(() => log.Terms == 2 && log.Leaders == 1, "the other replica took over", ct: s_ct);

        Assert.Equal(1, log.Max);
        var lease = await client.GetAsync<Lease>(key, s_ct);
        Assert.True(replicas.Single(r => r != leader).Elector.IsLeader);
        Assert.NotEqual(first!.Spec.HolderIdentity, lease!.Spec.HolderIdentity);
        Assert.Equal(1, lease.Spec.LeaseTransitions);
        foreach (var replica in replicas)
        {
            await replica.Stop.CancelAsync();
            await replica.Run;
            replica.Stop.Dispose();
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    private static async Task WriteRandomlyAsync(IKubernetesClient client, string ns, int writer, int writes)
    {
        var random = new Random(writer);
        var live = new Dictionary<string, ConfigMap>();
        for (var i = 0; i < writes; i++)
        {
            var name = $"w{writer}-{random.Next(12)}";
            if (!live.TryGetValue(name, out var existing))
            {
                live[name] = await client.CreateAsync(new ConfigMap { Metadata = new ObjectMeta { Name = name, Namespace = ns }, Data = new() { ["v"] = $"{i}" } }, s_ct);
            }
            else if (random.Next(10) < 7)
            {
                existing.Data!["v"] = $"{i}";
                live[name] = await client.ReplaceAsync(existing, s_ct);
            }
            else
            {
                await client.DeleteAsync<ConfigMap>(new ObjectKey(ns, name), s_ct);
                live.Remove(name);
            }
        }
    }

    private static string Snapshot(IEnumerable<ConfigMap> items) =>
        string.Join(';', items.OrderBy(c => c.Metadata.Name, StringComparer.Ordinal)
            .Select(c => $"{c.Metadata.Name}@{c.Metadata.ResourceVersion}={c.Data?.GetValueOrDefault("v")}"));
}
