using System.Collections.Concurrent;
using CiBridge.Kubernetes.Cache;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Configuration;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Hosting;
using CiBridge.Kubernetes.Tests.Support;
using CiBridge.TestKit;
using Microsoft.Extensions.Time.Testing;

namespace CiBridge.Kubernetes.Tests.Hosting;

public sealed class ManagerTests
{
    private static readonly CancellationToken s_ct = TestContext.Current.CancellationToken;

    private sealed class RecordingReconciler : IReconciler
    {
        public ConcurrentQueue<ObjectKey> Seen { get; } = new();

        public ValueTask<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken ct)
        {
            Seen.Enqueue(key);
            return ValueTask.FromResult(ReconcileResult.Done);
        }
    }

    private static KubernetesRuntimeOptions Options(ScriptedApi api) => new()
    {
        Configuration = new KubernetesClientConfiguration { Server = new Uri("https://127.0.0.1:6443") },
        Client = new KubernetesClientOptions { FieldManager = "test", MaxRetries = 0 },
        JsonResolvers = { TestJsonContext.Default },
        Events = { Component = "test" },
        CacheSyncTimeout = TimeSpan.FromSeconds(30),
        Handler = api,
    };

    [Fact]
    public async Task Run_WaitsForSync_ThenStartsControllers()
    {
        var api = new ScriptedApi().List("10", ScriptedApi.Item("a", "1"), ScriptedApi.Item("b", "2"));
        var time = new FakeTimeProvider();
        var manager = Manager.Create(Options(api), time);
        var reconciler = new RecordingReconciler();
        var controller = new Controller(reconciler, new ControllerOptions(), time);
        manager.Cache.GetInformer<Widget>().AddEventHandler(EventHandlers.EnqueueObject<Widget>(controller.Queue));
        manager.Add(controller);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(s_ct);

        var run = manager.RunAsync(cts.Token);
        await Eventually.HoldsAsync(() => reconciler.Seen.Count == 2, "both widgets reconciled", ct: s_ct);

        Assert.True(manager.IsReady);
        Assert.True(manager.IsLeader);
        await cts.CancelAsync();
        Assert.True(await run.WaitAsync(TimeSpan.FromSeconds(10), s_ct));
        Assert.False(manager.IsReady);
    }

    [Fact]
    public async Task Run_CachesNeverSync_FailsAfterTimeout()
    {
        var api = new ScriptedApi();
        var time = new FakeTimeProvider();
        var manager = Manager.Create(Options(api), time);
        manager.Cache.GetInformer<Widget>();

        var run = manager.RunAsync(s_ct);
        await Eventually.HoldsAsync(() => !api.Requests.IsEmpty, "first list attempt", ct: s_ct);
        time.Advance(TimeSpan.FromSeconds(30));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => run.WaitAsync(TimeSpan.FromSeconds(10), s_ct));
        Assert.Contains("did not sync", error.Message, StringComparison.Ordinal);
        Assert.False(manager.IsReady);
    }

    [Theory]
    [InlineData("no field manager", "", "c")]
    [InlineData("no event component", "m", "")]
    public void Create_InvalidOptions_Throws(string name, string fieldManager, string component)
    {
        _ = name;
        var options = Options(new ScriptedApi());
        options.Client = new KubernetesClientOptions { FieldManager = fieldManager };
        options.Events.Component = component;

        Assert.Throws<ArgumentException>(() => Manager.Create(options, new FakeTimeProvider()));
    }
}
