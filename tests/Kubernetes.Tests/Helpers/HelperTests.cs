using System.Net;
using System.Text.Json.Nodes;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Events;
using CiBridge.Kubernetes.Helpers;
using CiBridge.Kubernetes.Models;
using CiBridge.Kubernetes.Tests.Support;
using CiBridge.TestKit;
using Microsoft.Extensions.Time.Testing;

namespace CiBridge.Kubernetes.Tests.Helpers;

public sealed class HelperTests
{
    private static readonly CancellationToken s_ct = TestContext.Current.CancellationToken;
    private const string Finalizer = "example.com/cleanup";

    private static FakeApi EchoApi() => new((request, body) =>
    {
        var json = body is not null && request.Method != HttpMethod.Patch ? body : ScriptedApi.Item("w1", "8");
        return Task.FromResult(FakeApi.Json(HttpStatusCode.OK, json));
    });

    [Fact]
    public void AddRemove_ReportWhetherAnythingChanged()
    {
        var widget = Widget.Named("ns", "w1");

        Assert.True(Finalizers.Add(widget, Finalizer));
        Assert.False(Finalizers.Add(widget, Finalizer));
        Assert.True(Finalizers.Has(widget, Finalizer));
        Assert.True(Finalizers.Remove(widget, Finalizer));
        Assert.False(Finalizers.Remove(widget, Finalizer));
    }

    [Fact]
    public async Task EnsureFinalizer_WritesOnlyWhenMissing_GuardedByResourceVersion()
    {
        var api = EchoApi();
        var client = api.Client(new FakeTimeProvider());
        var widget = Widget.Named("ns", "w1", rv: "7");

        Assert.True(await client.EnsureFinalizerAsync(widget, Finalizer, s_ct));
        Assert.False(await client.EnsureFinalizerAsync(widget, Finalizer, s_ct));

        var request = Assert.Single(api.Requests);
        Assert.Equal("""{"metadata":{"finalizers":["example.com/cleanup"],"resourceVersion":"7"}}""", request.Body);
        Assert.Equal("8", widget.Metadata.ResourceVersion);
        Assert.True(await client.RemoveFinalizerAsync(widget, Finalizer, s_ct));
        Assert.Equal("""{"metadata":{"finalizers":[],"resourceVersion":"8"}}""", api.Requests.Last().Body);
    }

    [Fact]
    public async Task PatchStatusIfChanged_SendsOnlyTheDifference()
    {
        var api = EchoApi();
        var client = api.Client(new FakeTimeProvider());
        var json = KubernetesJson.CreateOptions(TestJsonContext.Default);
        var before = Widget.Named("ns", "w1");
        before.Status = new WidgetStatus { Phase = "Running", ObservedGeneration = 1 };
        var same = json.DeepCopy(before);
        var after = json.DeepCopy(before);
        after.Status!.Phase = null;
        after.Status.ObservedGeneration = 2;

        Assert.False(await client.Status.PatchStatusIfChangedAsync(before, same, json, s_ct));
        Assert.True(await client.Status.PatchStatusIfChangedAsync(before, after, json, s_ct));

        var request = Assert.Single(api.Requests);
        Assert.Equal("/apis/example.com/v1/namespaces/ns/widgets/w1/status?fieldManager=test-manager", request.PathAndQuery);
        Assert.Equal("""{"status":{"phase":null,"observedGeneration":2}}""", request.Body);
    }

    [Theory]
    [InlineData("equal", """{"a":1}""", """{"a":1}""", "{}")]
    [InlineData("removed field", """{"a":1,"b":2}""", """{"a":1}""", """{"b":null}""")]
    [InlineData("nested", """{"o":{"x":1,"y":2}}""", """{"o":{"x":1,"y":3}}""", """{"o":{"y":3}}""")]
    [InlineData("array replaced", """{"l":[1,2]}""", """{"l":[2]}""", """{"l":[2]}""")]
    public void MergePatch_DiffTable(string name, string from, string to, string expected)
    {
        _ = name;
        Assert.Equal(expected, JsonMergePatch.Create(JsonNode.Parse(from), JsonNode.Parse(to))!.ToJsonString());
    }

    [Fact]
    public async Task EventRecorder_AggregatesRepeats_AndRateLimitsPerObject()
    {
        var api = new FakeApi((request, body) => Task.FromResult(FakeApi.Json(HttpStatusCode.OK,
            request.Method == HttpMethod.Post ? body! : """{"metadata":{"name":"w1.1","namespace":"ns"},"count":2}""")));
        var time = new FakeTimeProvider();
        var (recorder, run) = EventRecorder.Create(api.Client(time), new EventRecorderOptions { Component = "test", BurstPerObject = 3 }, time);
        var widget = Widget.Named("ns", "w1");
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(s_ct);
        var loop = run(cts.Token);

        recorder.Record(widget, EventTypes.Normal, "Started", "build 1 started");
        recorder.Record(widget, EventTypes.Normal, "Started", "build 1 started");
        recorder.Record(widget, EventTypes.Warning, "Failed", "build 1 failed");
        recorder.Record(widget, EventTypes.Warning, "Failed", "dropped: over the object's burst");
        await Eventually.HoldsAsync(() => api.Requests.Count == 3, "three writes", ct: s_ct);
        time.Advance(TimeSpan.FromMinutes(5));
        recorder.Record(widget, EventTypes.Normal, "Done", "refilled");
        await Eventually.HoldsAsync(() => api.Requests.Count == 4, "fourth write after refill", ct: s_ct);

        var requests = api.Requests.ToArray();
        Assert.Equal([HttpMethod.Post, HttpMethod.Patch, HttpMethod.Post, HttpMethod.Post], requests.Select(r => r.Method));
        Assert.Contains("\"count\":2", requests[1].Body, StringComparison.Ordinal);
        var created = JsonNode.Parse(requests[0].Body!)!;
        Assert.Equal("Widget", created["involvedObject"]!["kind"]!.GetValue<string>());
        Assert.Equal("Started", created["reason"]!.GetValue<string>());
        Assert.Equal("/api/v1/namespaces/ns/events?fieldManager=test-manager", requests[0].PathAndQuery);
        Assert.DoesNotContain(requests, r => r.Body!.Contains("dropped", StringComparison.Ordinal));
        await cts.CancelAsync();
        await loop;
    }

    [Fact]
    public void EventRecorder_Record_NeverBlocksWhenNothingDrains()
    {
        var api = new FakeApi((_, _) => throw new InvalidOperationException("not called"));
        var (recorder, _) = EventRecorder.Create(api.Client(new FakeTimeProvider()), new EventRecorderOptions { Component = "t", QueueCapacity = 2 }, new FakeTimeProvider());

        for (var i = 0; i < 10_000; i++) recorder.Record(Widget.Named("ns", "w"), EventTypes.Normal, "R", $"m{i}");

        Assert.Empty(api.Requests);
    }
}
