using System.Net;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Configuration;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Tests.Support;
using CiBridge.TestKit;

namespace CiBridge.Kubernetes.Tests.Client;

public sealed class TransportTests
{
    private static readonly CancellationToken s_ct = TestContext.Current.CancellationToken;
    private static readonly ObjectKey s_key = new("ns", "w1");

    private sealed class CountingCredential : ICredentialSource
    {
        public int Fetches { get; private set; }

        private string? _token;

        public ValueTask<string?> GetTokenAsync(CancellationToken ct)
        {
            if (_token is null)
            {
                Fetches++;
                _token = $"token-{Fetches}";
            }
            return ValueTask.FromResult<string?>(_token);
        }

        public void Invalidate() => _token = null;
    }

    [Fact]
    public async Task RateLimit_BeyondBurst_WaitsForTheBucket()
    {
        var time = new TimerCountingTimeProvider();
        var api = new FakeApi((_, _) => Task.FromResult(FakeApi.Json(HttpStatusCode.OK, ScriptedApi.Item("w1", "1"))));
        var client = KubernetesClientFactory.Create(
            new KubernetesClientConfiguration { Server = new Uri("https://127.0.0.1:6443") },
            new KubernetesClientOptions { FieldManager = "m", Qps = 2, Burst = 2 },
            KubernetesJson.CreateOptions(TestJsonContext.Default), time, api);

        await client.GetAsync<Widget>(s_key, s_ct);
        await client.GetAsync<Widget>(s_key, s_ct);
        var third = client.GetAsync<Widget>(s_key, s_ct).AsTask();
        await Eventually.HoldsAsync(() => time.ArmedTimers > 0, "third request waiting for a token", ct: s_ct);
        time.Advance(TimeSpan.FromMilliseconds(499));
        Assert.Equal(2, api.Requests.Count);
        time.Advance(TimeSpan.FromMilliseconds(1));

        await third.WaitAsync(TimeSpan.FromSeconds(10), s_ct);
        Assert.Equal(3, api.Requests.Count);
    }

    [Fact]
    public async Task RateLimit_ARequestInAnAheadScope_IsSentBeforeOneThatWaitedLonger()
    {
        var time = new TimerCountingTimeProvider();
        var api = new FakeApi((_, _) => Task.FromResult(FakeApi.Json(HttpStatusCode.OK, ScriptedApi.Item("w1", "1"))));
        var client = KubernetesClientFactory.Create(
            new KubernetesClientConfiguration { Server = new Uri("https://127.0.0.1:6443") },
            new KubernetesClientOptions { FieldManager = "m", Qps = 2, Burst = 1 },
            KubernetesJson.CreateOptions(TestJsonContext.Default), time, api);
        await client.GetAsync<Widget>(new ObjectKey("ns", "first"), s_ct);

        var routine = client.GetAsync<Widget>(new ObjectKey("ns", "routine"), s_ct).AsTask();
        await Eventually.HoldsAsync(() => time.ArmedTimers > 0, "routine request waiting for a token", ct: s_ct);
        Task urgent;
        using (RequestPriority.Ahead()) urgent = client.GetAsync<Widget>(new ObjectKey("ns", "urgent"), s_ct).AsTask();
        time.Advance(TimeSpan.FromMilliseconds(500));
        await urgent.WaitAsync(TimeSpan.FromSeconds(10), s_ct);
        time.Advance(TimeSpan.FromMilliseconds(500));
        await routine.WaitAsync(TimeSpan.FromSeconds(10), s_ct);

        Assert.Equal(["first", "urgent", "routine"], api.Requests.Select(r => r.PathAndQuery.Split('/')[^1]));
    }

    [Fact]
    public async Task Unauthorized_DropsTheCachedToken()
    {
        var calls = 0;
        var api = new FakeApi((_, _) => Task.FromResult(Interlocked.Increment(ref calls) == 1
            ? FakeApi.Status(401, "Unauthorized", "Unauthorized")
            : FakeApi.Json(HttpStatusCode.OK, ScriptedApi.Item("w1", "1"))));
        var credential = new CountingCredential();
        var client = api.Client(new TimerCountingTimeProvider(), credential);

        var error = await Assert.ThrowsAsync<ApiException>(() => client.GetAsync<Widget>(s_key, s_ct).AsTask());
        await client.GetAsync<Widget>(s_key, s_ct);

        Assert.Equal(401, error.StatusCode);
        Assert.Equal(["Bearer token-1", "Bearer token-2"], api.Requests.Select(r => r.Authorization));
        Assert.DoesNotContain("token-1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_ReadsEventsInOrder_AndThrowsErrorEvents()
    {
        var body = string.Join('\n', ScriptedApi.Event("ADDED", "w1", "11"), ScriptedApi.Bookmark("12"), "", ScriptedApi.Event("DELETED", "w1", "13"), ScriptedApi.Gone());
        var api = new FakeApi((_, _) => Task.FromResult(FakeApi.Json(HttpStatusCode.OK, body)));
        var client = api.Client(new TimerCountingTimeProvider());

        var seen = new List<string>();
        var error = await Assert.ThrowsAsync<ApiException>(async () =>
        {
            await foreach (var change in client.WatchAsync<Widget>(new WatchOptions { Namespace = "ns", ResourceVersion = "10" }, s_ct))
            {
                seen.Add($"{change.Type} {change.Resource.Metadata.ResourceVersion}");
            }
        });

        Assert.Equal(["Added 11", "Bookmark 12", "Deleted 13"], seen);
        Assert.True(error.IsGone);
        Assert.Equal("/apis/example.com/v1/namespaces/ns/widgets?watch=true&resourceVersion=10&allowWatchBookmarks=true&timeoutSeconds=300",
            Assert.Single(api.Requests).PathAndQuery);
    }
}
