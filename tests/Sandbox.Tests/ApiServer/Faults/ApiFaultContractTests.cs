using System.Text.Json.Nodes;
using CiBridge.Sandbox.ApiServer.Faults;
using CiBridge.Sandbox.Tests.ApiServer.Support;
using CiBridge.TestKit;

namespace CiBridge.Sandbox.Tests.ApiServer.Faults;

/// <summary>Injected API server faults: errors per verb and resource, without acting; seeded shares.</summary>
public sealed class ApiFaultContractTests
{
    private static readonly string s_configMaps = Objects.ConfigMaps("default");

    [Fact]
    public async Task TooManyRequests_CarriesRetryAfter_AndCreatesNothing()
    {
        await using var f = await FaultServer.StartAsync();
        f.Faults.Add(new ApiFault { Kind = ApiFaultKind.Error, Status = 429, Verb = "create", Resource = "configmaps", Times = 1, RetryAfter = TimeSpan.FromSeconds(2) });

        using var request = new HttpRequestMessage(HttpMethod.Post, s_configMaps) { Content = new StringContent(Objects.ConfigMap("throttled").ToJsonString(), System.Text.Encoding.UTF8, "application/json") };
        using var throttled = await f.Client.Http.SendAsync(request, TestContext.Current.CancellationToken);
        var status = JsonNode.Parse(await throttled.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;

        Assert.Equal(429, (int)throttled.StatusCode);
        Assert.Equal("2", throttled.Headers.GetValues("Retry-After").Single());
        Assert.Equal("TooManyRequests", status["reason"]!.ToString());
        Assert.Equal(2, status["details"]!["retryAfterSeconds"]!.GetValue<long>());
        Assert.Equal(404, (await f.Client.GetAsync($"{s_configMaps}/throttled")).Code);
        Assert.Equal(201, (await f.Client.PostAsync(s_configMaps, Objects.ConfigMap("throttled"))).Code);
    }

    [Theory]
    [InlineData(409, "Conflict")]
    [InlineData(500, "InternalError")]
    [InlineData(503, "ServiceUnavailable")]
    [InlineData(504, "Timeout")]
    public async Task Error_OnlyForItsVerbAndResource_WithKubesReason(int code, string reason)
    {
        await using var f = await FaultServer.StartAsync();
        Assert.Equal(201, (await f.Client.PostAsync(s_configMaps, Objects.ConfigMap("target"))).Code);
        f.Faults.Add(new ApiFault { Kind = ApiFaultKind.Error, Status = code, Verb = "patch", Resource = "configmaps" });

        var patched = await f.Client.PatchAsync($"{s_configMaps}/target", """{"data":{"key":"changed"}}""");
        var read = await f.Client.GetAsync($"{s_configMaps}/target");
        var secretCreated = await f.Client.PostAsync(Objects.ConfigMaps("default").Replace("configmaps", "secrets", StringComparison.Ordinal),
            new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Secret", ["metadata"] = new JsonObject { ["name"] = "s" } });

        Assert.Equal(code, patched.Code);
        Assert.Equal(reason, patched.Reason);
        Assert.Equal("value", read.Body!["data"]!["key"]!.ToString());
        Assert.Equal(201, secretCreated.Code);
        Assert.Equal(1, f.Faults.Injected[$"Error{code}"]);
    }

    [Fact]
    public async Task Share_IsDrawnFromTheSeed_SoTheSameSeedRepeatsTheSameFaults()
    {
        static async Task<string> RunAsync(int seed)
        {
            await using var f = await FaultServer.StartAsync(new ApiFaults(seed, [new ApiFault { Kind = ApiFaultKind.Error, Status = 503, Verb = "list", Probability = 0.3 }]));
            var codes = new List<int>();
            for (var i = 0; i < 200; i++) codes.Add((await f.Client.GetAsync(s_configMaps)).Code);
            return string.Concat(codes.Select(c => c == 503 ? 'x' : '.'));
        }

        var first = await RunAsync(seed: 42);
        var again = await RunAsync(seed: 42);
        var other = await RunAsync(seed: 7);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        // 200 draws at 30 %: 60 expected, and 30..90 lies beyond four standard deviations.
        Assert.InRange(first.Count(c => c == 'x'), 30, 90);
    }

    [Fact]
    public async Task Latency_HoldsTheAnswerUntilTheServerClockPassesIt()
    {
        await using var f = await FaultServer.StartAsync();
        f.Faults.Add(new ApiFault { Kind = ApiFaultKind.Latency, Verb = "get", Resource = "namespaces", Delay = TimeSpan.FromSeconds(30) });
        var pending = f.Client.GetAsync("/api/v1/namespaces/default");
        await Eventually.HoldsAsync(() => Task.FromResult(f.Faults.Injected.ContainsKey("Latency")), seen => seen, "the delayed request to arrive", ct: TestContext.Current.CancellationToken);

        // Step the server clock until the answer comes; it must not come before 30 s have passed there.
        var advanced = TimeSpan.Zero;
        while (!pending.IsCompleted && advanced < TimeSpan.FromMinutes(5))
        {
            f.Time.Advance(TimeSpan.FromSeconds(1));
            advanced += TimeSpan.FromSeconds(1);
            await Task.WhenAny(pending, Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System, TestContext.Current.CancellationToken));
        }

        Assert.Equal(200, (await pending).Code);
        Assert.True(advanced >= TimeSpan.FromSeconds(30), $"answered after only {advanced} on the server clock");
    }
}
