using CiBridge.Sandbox.Tests.ApiServer.Support;
using k8s;
using k8s.Models;

namespace CiBridge.OfficialClient.Tests;

/// <summary>The official client's watch: events in order, bookmarks, and resuming from the last version seen.</summary>
public sealed class WatchTests
{
    /// <summary>Long enough for a real API server's bookmark (kube sends them about once a minute); the sandbox sends one per idle second.</summary>
    private static readonly TimeSpan s_eventTimeout = TimeSpan.FromSeconds(90);

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task Watch_DeliversChangesAndBookmarks_AndResumesFromTheLastVersion(string target)
    {
        using var client = await OfficialClients.ConnectAsync(target);
        var ns = await OfficialClients.CreateNamespaceAsync(client);
        var first = await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("first"), ns, cancellationToken: TestContext.Current.CancellationToken);

        string lastSeen;
        using (var watch = new CancellationTokenSource())
        {
            await using var events = Watch(client, ns, first.Metadata.ResourceVersion, watch.Token);
            first.Data = new Dictionary<string, string> { ["k"] = "changed" };
            var changed = await client.CoreV1.ReplaceNamespacedConfigMapAsync(first, "first", ns, cancellationToken: TestContext.Current.CancellationToken);

            var (type, modified) = await NextAsync(events);
            Assert.Equal((WatchEventType.Modified, "changed"), (type, modified.Data["k"]));
            var bookmark = await NextAsync(events);
            Assert.Equal(WatchEventType.Bookmark, bookmark.Type);
            Assert.True(long.Parse(bookmark.Object.Metadata.ResourceVersion) >= long.Parse(changed.Metadata.ResourceVersion), bookmark.Object.Metadata.ResourceVersion);
            lastSeen = bookmark.Object.Metadata.ResourceVersion;
            await watch.CancelAsync();
        }

        await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("second"), ns, cancellationToken: TestContext.Current.CancellationToken);
        await client.CoreV1.DeleteNamespacedConfigMapAsync("first", ns, cancellationToken: TestContext.Current.CancellationToken);
        await using var resumed = Watch(client, ns, lastSeen, TestContext.Current.CancellationToken);
        Assert.Equal((WatchEventType.Added, "second"), await NextChangeAsync(resumed));
        Assert.Equal((WatchEventType.Deleted, "first"), await NextChangeAsync(resumed));
    }

    private static V1ConfigMap ConfigMap(string name) =>
        new() { Metadata = new V1ObjectMeta { Name = name }, Data = new Dictionary<string, string> { ["k"] = "v" } };

    private static IAsyncEnumerator<(WatchEventType Type, V1ConfigMap Object)> Watch(k8s.Kubernetes client, string ns, string resourceVersion, CancellationToken ct) =>
        client.CoreV1.WatchListNamespacedConfigMapAsync(ns, allowWatchBookmarks: true, resourceVersion: resourceVersion, onError: error => throw error, cancellationToken: ct)
            .GetAsyncEnumerator(ct);

    private static async Task<(WatchEventType Type, V1ConfigMap Object)> NextAsync(IAsyncEnumerator<(WatchEventType Type, V1ConfigMap Object)> events)
    {
        Assert.True(await events.MoveNextAsync().AsTask().WaitAsync(s_eventTimeout), "the watch ended");
        return events.Current;
    }

    private static async Task<(WatchEventType Type, string Name)> NextChangeAsync(IAsyncEnumerator<(WatchEventType Type, V1ConfigMap Object)> events)
    {
        while (true)
        {
            var (type, obj) = await NextAsync(events);
            if (type != WatchEventType.Bookmark) return (type, obj.Metadata.Name);
        }
    }
}
