using System.Collections.Concurrent;
using CiBridge.Kubernetes.Cache;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Tests.Support;
using CiBridge.TestKit;

namespace CiBridge.Kubernetes.Tests.Cache;

public sealed class InformerTests
{
    private static readonly CancellationToken s_ct = TestContext.Current.CancellationToken;

    private sealed class Recorder : IResourceEventHandler<Widget>
    {
        public ConcurrentQueue<string> Seen { get; } = new();

        public void OnAdd(Widget obj) => Seen.Enqueue($"add {obj.Metadata.Name}@{obj.Metadata.ResourceVersion}");

        public void OnUpdate(Widget oldObj, Widget newObj) =>
            Seen.Enqueue($"update {newObj.Metadata.Name}@{oldObj.Metadata.ResourceVersion}->{newObj.Metadata.ResourceVersion}");

        public void OnDelete(Widget obj) => Seen.Enqueue($"delete {obj.Metadata.Name}@{obj.Metadata.ResourceVersion}");
    }

    [Fact]
    public async Task ListThenWatch_ResumesFromLastVersion_AndRelistsOnGone()
    {
        var api = new ScriptedApi()
            .List("10", ScriptedApi.Item("w1", "5"))
            .Watch(ScriptedApi.Event("ADDED", "w2", "11"), ScriptedApi.Event("MODIFIED", "w1", "12"), ScriptedApi.Bookmark("15"))
            .Watch(ScriptedApi.Event("DELETED", "w2", "16"), ScriptedApi.Gone())
            .List("20", ScriptedApi.Item("w3", "19"));
        var time = new TimerCountingTimeProvider();
        var informer = Informer.Create<Widget>(api.Client(time), new InformerOptions(), time);
        var recorder = new Recorder();
        informer.AddEventHandler(recorder);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(s_ct);

        var run = informer.RunAsync(cts.Token);
        await Eventually.HoldsAsync(() => api.OpenWatches == 1, "third watch open", ct: s_ct);

        Assert.Equal(
            ["add w1@5", "add w2@11", "update w1@5->12", "delete w2@16", "add w3@19", "delete w1@12"],
            recorder.Seen);
        Assert.Equal(["w3"], informer.List().Select(w => w.Metadata.Name!));
        Assert.True(informer.HasSynced);
        var watches = api.Requests.Where(r => r.Contains("watch=true", StringComparison.Ordinal)).ToList();
        Assert.Contains("resourceVersion=10&allowWatchBookmarks=true", watches[0], StringComparison.Ordinal);
        Assert.Contains("resourceVersion=15&", watches[1], StringComparison.Ordinal);
        Assert.Contains("resourceVersion=20&", watches[2], StringComparison.Ordinal);
        await cts.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10), s_ct);
    }

    [Fact]
    public async Task UndecodableObject_IsSkippedAndReportedOncePerVersion_OthersFlow_AndItIsReadAgainWhenItFits()
    {
        static string Bad(string json) => json.Replace("\"spec\":{\"color\":\"red\"}", "\"spec\":{\"color\":42}", StringComparison.Ordinal);
        var api = new ScriptedApi()
            .List("10", ScriptedApi.Item("good", "5"), Bad(ScriptedApi.Item("bad", "6")))
            .Watch(Bad(ScriptedApi.Event("MODIFIED", "bad", "11")), ScriptedApi.Event("MODIFIED", "good", "12"),
                ScriptedApi.Event("MODIFIED", "bad", "13"), Bad(ScriptedApi.Event("MODIFIED", "bad", "14")), ScriptedApi.Event("DELETED", "good", "15"));
        var time = new ManualTimeProvider();
        var reported = new ConcurrentQueue<string>();
        var options = new InformerOptions { OnUndecodable = u => reported.Enqueue($"{u.Metadata.Name}@{u.Metadata.ResourceVersion} {u.Field}") };
        var informer = Informer.Create<Widget>(api.Client(time), options, time);
        var recorder = new Recorder();
        informer.AddEventHandler(recorder);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(s_ct);

        var run = informer.RunAsync(cts.Token);
        await Eventually.HoldsAsync(() => api.OpenWatches == 1 && api.Requests.Count == 3, "second watch open", ct: s_ct);

        Assert.Equal(["add good@5", "update good@5->12", "add bad@13", "delete bad@13", "delete good@15"], recorder.Seen);
        Assert.Equal(["bad@6 spec.color", "bad@11 spec.color", "bad@14 spec.color"], reported);
        Assert.Empty(informer.List());
        await cts.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10), s_ct);
    }

    [Fact]
    public async Task Watch_EndingWithoutEvents_ReconnectsOnlyAfterBackoff()
    {
        var api = new ScriptedApi().List("10").Watch();
        var time = new TimerCountingTimeProvider();
        var options = new InformerOptions { ReconnectDelay = TimeSpan.FromSeconds(1) };
        var informer = Informer.Create<Widget>(api.Client(time), options, time);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(s_ct);

        var run = informer.RunAsync(cts.Token);
        await Eventually.HoldsAsync(() => time.ArmedTimers == 1 && api.Requests.Count == 2, "back-off timer armed", ct: s_ct);
        Assert.Equal(0, api.OpenWatches);
        time.Advance(TimeSpan.FromSeconds(3));

        await Eventually.HoldsAsync(() => api.OpenWatches == 1, "reconnected after back-off", ct: s_ct);
        Assert.Contains("resourceVersion=10&", api.Requests.Last(), StringComparison.Ordinal);
        await cts.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10), s_ct);
    }

    [Fact]
    public async Task List_InPages_FollowsContinueTokens()
    {
        var api = new ScriptedApi().Page("10", "page-2", ScriptedApi.Item("a", "1")).Page("10", "", ScriptedApi.Item("b", "2"));
        var time = new TimerCountingTimeProvider();
        var informer = Informer.Create<Widget>(api.Client(time), new InformerOptions(), time);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(s_ct);

        var run = informer.RunAsync(cts.Token);
        await Eventually.HoldsAsync(() => api.OpenWatches == 1, "watching", ct: s_ct);

        Assert.Equal(["a", "b"], informer.List().Select(w => w.Metadata.Name!).Order());
        var requests = api.Requests.ToArray();
        Assert.Equal("/apis/example.com/v1/widgets?limit=500", requests[0]);
        Assert.Equal("/apis/example.com/v1/widgets?limit=500&continue=page-2", requests[1]);
        Assert.Contains("resourceVersion=10&", requests[2], StringComparison.Ordinal);
        await cts.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10), s_ct);
    }

    [Fact]
    public async Task Resync_ReportsEveryObjectAgain()
    {
        var api = new ScriptedApi().List("10", ScriptedApi.Item("w1", "5"));
        var time = new TimerCountingTimeProvider();
        var informer = Informer.Create<Widget>(api.Client(time), new InformerOptions { ResyncPeriod = TimeSpan.FromMinutes(10) }, time);
        var recorder = new Recorder();
        informer.AddEventHandler(recorder);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(s_ct);

        var run = informer.RunAsync(cts.Token);
        await Eventually.HoldsAsync(() => api.OpenWatches == 1, "watching", ct: s_ct);
        time.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(["add w1@5", "update w1@5->5"], recorder.Seen);
        await cts.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10), s_ct);
    }

    [Fact]
    public async Task Cache_ReadsCopies_AndAnswersIndexAndLabelQueries()
    {
        var api = new ScriptedApi().List("10", ScriptedApi.Item("a", "1", "red"), ScriptedApi.Item("b", "2", "blue"), ScriptedApi.Item("c", "3", "red", ns: "other"));
        var time = new TimerCountingTimeProvider();
        var cache = InformerCache.Create(api.Client(time), KubernetesJson.CreateOptions(TestJsonContext.Default), time);
        cache.GetInformer<Widget>().AddIndex("spec.color", w => [w.Spec.Color]);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(s_ct);

        var run = cache.RunAsync(cts.Token);
        Assert.True(await cache.WaitForSyncAsync(s_ct));

        var a = await cache.GetAsync<Widget>(new ObjectKey("ns", "a"), s_ct);
        a!.Spec.Color = "changed";
        Assert.Equal("red", (await cache.GetAsync<Widget>(new ObjectKey("ns", "a"), s_ct))!.Spec.Color);
        Assert.Null(await cache.GetAsync<Widget>(new ObjectKey("ns", "zzz"), s_ct));
        var red = await cache.ListAsync<Widget>(new ListOptions { FieldSelector = "spec.color=red" }, s_ct);
        Assert.Equal(["a", "c"], red.Items.Select(w => w.Metadata.Name!).Order());
        var redInNs = await cache.ListAsync<Widget>(new ListOptions { Namespace = "ns", FieldSelector = "spec.color=red" }, s_ct);
        Assert.Equal(["a"], redInNs.Items.Select(w => w.Metadata.Name!));
        var notRed = await cache.ListAsync<Widget>(new ListOptions { LabelSelector = "color!=red" }, s_ct);
        Assert.Equal(["b"], notRed.Items.Select(w => w.Metadata.Name!));
        Assert.Equal("10", red.ResourceVersion);
        await cts.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10), s_ct);
    }

    [Fact]
    public async Task Cache_ReadOfKindNotWatchedYet_StartsItsInformerAndWaitsForSync()
    {
        var api = new ScriptedApi().List("10", ScriptedApi.Item("a", "1"));
        var time = new TimerCountingTimeProvider();
        var cache = InformerCache.Create(api.Client(time), KubernetesJson.CreateOptions(TestJsonContext.Default), time);
        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetAsync<Widget>(new ObjectKey("ns", "a"), s_ct).AsTask());
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(s_ct);

        var run = cache.RunAsync(cts.Token);
        var found = await cache.GetAsync<Widget>(new ObjectKey("ns", "a"), s_ct);

        Assert.Equal("a", found!.Metadata.Name);
        await cts.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10), s_ct);
    }

    [Fact]
    public async Task EnqueueHandlers_PutKeysOnTheQueue()
    {
        var api = new ScriptedApi().List("10", ScriptedApi.Item("a", "1")).Watch(ScriptedApi.Event("MODIFIED", "a", "2", "blue"));
        var time = new TimerCountingTimeProvider();
        var informer = Informer.Create<Widget>(api.Client(time), new InformerOptions(), time);
        var queue = CiBridge.Kubernetes.Queue.WorkQueue.Create<ObjectKey>(time);
        informer.AddEventHandler(EventHandlers.EnqueueObject<Widget>(queue));
        informer.AddEventHandler(EventHandlers.EnqueueMapped<Widget>(queue, w => [new ObjectKey("owners", w.Spec.Color)]));
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(s_ct);

        var run = informer.RunAsync(cts.Token);
        await Eventually.HoldsAsync(() => api.OpenWatches == 1, "watching", ct: s_ct);

        var keys = new List<string>();
        while (queue.Count > 0) keys.Add((await queue.GetAsync(s_ct)).Item.ToString());
        Assert.Equal(["ns/a", "owners/red", "owners/blue"], keys);
        await cts.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10), s_ct);
    }
}
