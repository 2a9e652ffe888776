using System.Collections.Concurrent;
using CiBridge.Kubernetes.Cache;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Events;
using CiBridge.Kubernetes.Helpers;
using CiBridge.Kubernetes.Hosting;
using CiBridge.Kubernetes.LeaderElection;
using CiBridge.Kubernetes.Models;
using CiBridge.Kubernetes.Tests.Support;
using CiBridge.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CiBridge.Kubernetes.Tests.Integration;

/// <summary>The generic-host wiring end to end: caches, leader election, a controller, status and events.</summary>
public sealed class ManagerIntegrationTests(SandboxCluster cluster) : IClassFixture<SandboxCluster>
{
    private static readonly CancellationToken s_ct = TestContext.Current.CancellationToken;

    /// <summary>Marks each Widget Ready once, reading from the cache and writing status only when it changed.</summary>
    private sealed class WidgetReconciler(IInformerCache cache, IManager manager, IEventRecorder events) : IReconciler
    {
        public static ConcurrentQueue<ObjectKey> Seen { get; } = new();

        public async ValueTask<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken ct)
        {
            Seen.Enqueue(key);
            var before = await cache.GetAsync<Widget>(key, ct);
            if (before is null) return ReconcileResult.Done;
            var after = manager.Json.DeepCopy(before);
            after.Status = new WidgetStatus { Phase = "Ready", ObservedGeneration = before.Metadata.Generation };
            if (await manager.Client.Status.PatchStatusIfChangedAsync(before, after, manager.Json, ct))
            {
                events.Record(after, EventTypes.Normal, "Ready", "the widget is ready");
            }
            return ReconcileResult.Done;
        }
    }

    [Fact]
    public async Task Host_RunsControllerWhileLeading_AndWritesStatusAndEvents()
    {
        var ns = await cluster.NamespaceAsync("manager", s_ct);
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddKubernetesRuntime(options =>
        {
            options.Configuration = cluster.Configuration;
            options.Client = new KubernetesClientOptions { FieldManager = "manager-test" };
            options.JsonResolvers.Add(TestJsonContext.Default);
            options.Informers = new InformerOptions { Namespaces = [ns] };
            options.Events.Component = "manager-test";
            options.LeaderElection = new LeaderElectionOptions { LeaseName = "manager-test", LeaseNamespace = ns };
        });
        builder.Services.AddController<WidgetReconciler>(new ControllerOptions { Name = "widgets", Workers = 2 }, (cache, controller) =>
            cache.GetInformer<Widget>().AddEventHandler(EventHandlers.EnqueueObject<Widget>(controller.Queue)));
        using var host = builder.Build();
        var manager = host.Services.GetRequiredService<IManager>();
        await host.StartAsync(s_ct);

        await Eventually.HoldsAsync(() => manager.IsReady && manager.IsLeader, "ready and leading", ct: s_ct);
        var client = cluster.Client();
        await client.CreateAsync(Widget.Named(ns, "w1"), s_ct);
        var ready = await Eventually.HoldsAsync(() => client.GetAsync<Widget>(new ObjectKey(ns, "w1"), s_ct).AsTask(),
            w => w?.Status?.Phase == "Ready", "widget Ready", ct: s_ct);
        var recorded = await Eventually.HoldsAsync(() => client.ListAsync<Event>(new ListOptions { Namespace = ns }, s_ct).AsTask(),
            l => l.Items.Count == 1, "one event", ct: s_ct);

        Assert.Equal(1, ready!.Status!.ObservedGeneration);
        Assert.Equal(("Ready", "Widget", "w1"), (recorded.Items[0].Reason, recorded.Items[0].InvolvedObject.Kind, recorded.Items[0].InvolvedObject.Name));
        Assert.Contains(new ObjectKey(ns, "w1"), WidgetReconciler.Seen);
        await host.StopAsync(s_ct);
        var lease = await client.GetAsync<Lease>(new ObjectKey(ns, "manager-test"), s_ct);
        Assert.Equal("", lease!.Spec.HolderIdentity ?? "");
    }
}
