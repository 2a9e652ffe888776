using CiBridge.Kubernetes.Cache;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Models;
using CiBridge.Kubernetes.Tests.Support;
using CiBridge.TestKit;

namespace CiBridge.Kubernetes.Tests.Integration;

/// <summary>A kind's informer with a field selector of its own, against the sandbox API server.</summary>
public sealed class FieldSelectedCacheTests(SandboxCluster cluster) : IClassFixture<SandboxCluster>
{
    private static readonly CancellationToken s_ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task SecretsOfAnExcludedType_NeverReachTheCache_NeitherListedNorWatched_WhileOtherKindsAreWhole()
    {
        var ns = await cluster.NamespaceAsync("selected", s_ct);
        var writer = cluster.Client();
        await writer.CreateAsync(SecretOf(ns, "credentials", "kubernetes.io/basic-auth"), s_ct);
        await writer.CreateAsync(SecretOf(ns, "sh.helm.release.v1.app.v1", "helm.sh/release.v1"), s_ct);
        await writer.CreateAsync(Widget.Named(ns, "w", "red"), s_ct);
        var selectors = new Dictionary<Type, string> { [typeof(Secret)] = "type!=helm.sh/release.v1" };
        var cache = InformerCache.Create(cluster.Client(), SandboxCluster.Json, TimeProvider.System, new InformerOptions { Namespaces = [ns] }, fieldSelectors: selectors);
        var secrets = cache.GetInformer<Secret>();
        var widgets = cache.GetInformer<Widget>();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(s_ct);
        var run = cache.RunAsync(cts.Token);
        Assert.True(await cache.WaitForSyncAsync(s_ct));

        await writer.CreateAsync(SecretOf(ns, "sh.helm.release.v1.app.v2", "helm.sh/release.v1"), s_ct);
        await writer.CreateAsync(SecretOf(ns, "later", "Opaque"), s_ct);
        await Eventually.HoldsAsync(() => secrets.List().Count == 2, "the Opaque Secret created later seen by the watch", ct: s_ct);

        Assert.Equal(["credentials", "later"], secrets.List().Select(s => s.Metadata.Name).Order(StringComparer.Ordinal));
        Assert.Null(await cache.GetAsync<Secret>(new ObjectKey(ns, "sh.helm.release.v1.app.v2"), s_ct));
        Assert.Single(widgets.List());
        await cts.CancelAsync();
        await run;
    }

    private static Secret SecretOf(string ns, string name, string type) =>
        new() { Metadata = new ObjectMeta { Name = name, Namespace = ns }, Type = type, StringData = new() { ["password"] = "p" } };
}
