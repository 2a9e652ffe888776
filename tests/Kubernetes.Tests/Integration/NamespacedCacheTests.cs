using System.Collections.Concurrent;
using CiBridge.Kubernetes.Cache;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Models;
using CiBridge.Kubernetes.Tests.Support;
using CiBridge.TestKit;

namespace CiBridge.Kubernetes.Tests.Integration;

/// <summary>A cache limited to some namespaces, against the sandbox API server.</summary>
public sealed class NamespacedCacheTests(SandboxCluster cluster) : IClassFixture<SandboxCluster>
{
    private static readonly CancellationToken s_ct = TestContext.Current.CancellationToken;

    /// <summary>Records the path of every request it passes on.</summary>
    private sealed class PathRecorder(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        public ConcurrentQueue<string> Paths { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Paths.Enqueue(request.RequestUri!.AbsolutePath);
            return base.SendAsync(request, cancellationToken);
        }
    }

    [Fact]
    public async Task CacheOfTwoNamespaces_ListsAndWatchesEachOfThem_AndNeverTheWholeCluster()
    {
        var (a, b, other) = (await cluster.NamespaceAsync("a", s_ct), await cluster.NamespaceAsync("b", s_ct), await cluster.NamespaceAsync("other", s_ct));
        var writer = cluster.Client();
        foreach (var ns in new[] { a, b, other })
        {
            await writer.CreateAsync(new Secret { Metadata = new ObjectMeta { Name = "s", Namespace = ns } }, s_ct);
            await writer.CreateAsync(Widget.Named(ns, "w", "red"), s_ct);
        }
        var recorder = new PathRecorder(HttpHandlerFactory.Create(cluster.Configuration));
        var cache = InformerCache.Create(cluster.Client(recorder), SandboxCluster.Json, TimeProvider.System, new InformerOptions { Namespaces = [a, b] });
        var widgets = cache.GetInformer<Widget>();
        widgets.AddIndex("spec.color", w => [w.Spec.Color]);
        _ = cache.GetInformer<Secret>();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(s_ct);
        var run = cache.RunAsync(cts.Token);
        Assert.True(await cache.WaitForSyncAsync(s_ct));

        var secrets = await cache.ListAsync<Secret>(null, s_ct);
        Assert.Equal([a, b], secrets.Items.Select(s => s.Metadata.Namespace!).Order());
        Assert.Null(await cache.GetAsync<Widget>(new ObjectKey(other, "w"), s_ct));
        Assert.NotNull(await cache.GetAsync<Widget>(new ObjectKey(b, "w"), s_ct));
        var red = await cache.ListAsync<Widget>(new ListOptions { FieldSelector = "spec.color=red" }, s_ct);
        Assert.Equal([a, b], red.Items.Select(w => w.Metadata.Namespace!).Order());

        await writer.CreateAsync(Widget.Named(b, "w2", "red"), s_ct);
        await writer.CreateAsync(Widget.Named(other, "w2", "red"), s_ct);
        await Eventually.HoldsAsync(() => widgets.List().Count == 3, "the new widget in b seen by its watch", ct: s_ct);
        Assert.Equal([a, b], recorder.Paths.Where(p => p.EndsWith("/secrets", StringComparison.Ordinal)).Select(p => p.Split('/')[4]).Distinct().Order());
        Assert.All(recorder.Paths, p => Assert.Contains("/namespaces/", p, StringComparison.Ordinal));
        Assert.DoesNotContain(widgets.List(), w => w.Metadata.Namespace == other);
        await cts.CancelAsync();
        await run;
    }
}
