using System.Net;
using System.Text.Json.Nodes;
using CiBridge.Sandbox.Jenkins;
using CiBridge.Sandbox.Jenkins.Faults;
using Microsoft.Extensions.Time.Testing;

namespace CiBridge.Sandbox.Tests.Jenkins;

/// <summary>
/// Faults after Jenkins acted (the effect happened, the answer is lost or wrong), forgotten queue
/// items, seeded shares, and faults configured at start.
/// </summary>
public sealed class StandInFaultContractTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Dictionary<string, string> s_suite = new() { ["SUITE"] = "integration" };

    [Fact]
    public async Task BadGatewayAfterHandling_OnBuildWithParameters_TheBuildExistsAlthoughTheClientSaw502()
    {
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var standIn = await JenkinsStandInExample.StartAsync(new JenkinsStandInOptions { TimeProvider = time }, Ct);
        using var http = StandInHttp.Token(standIn.BaseAddress);
        standIn.InjectFault(new StandInFault(FaultKind.BadGatewayAfterHandling, PathContains: "buildWithParameters", Times: 1));

        using var answer = await http.PostAsync($"job/platform/job/flaky-tests/buildWithParameters", s_suite);
        time.Advance(standIn.Options.QuietPeriod);

        Assert.Equal(HttpStatusCode.BadGateway, answer.StatusCode);
        Assert.False(answer.Headers.Contains("X-Jenkins"));
        var build = Assert.Single(standIn.ReceivedBuilds());
        Assert.Equal("platform/flaky-tests", build.JobPath);
        Assert.Equal("integration", build.Parameters["SUITE"]);
        Assert.Equal(1, standIn.InjectedFaults["BadGatewayAfterHandling"]);
    }

    [Theory]
    [InlineData(FaultKind.ResetAfterHandling)]
    [InlineData(FaultKind.HangAfterHandling)]
    public async Task LostAnswerAfterHandling_TheClientFails_TheItemIsQueued(FaultKind kind)
    {
        await using var standIn = await JenkinsStandInExample.StartAsync(new JenkinsStandInOptions { TimeProvider = new FakeTimeProvider(TimeProvider.System.GetUtcNow()) }, Ct);
        using var http = StandInHttp.Token(standIn.BaseAddress);
        standIn.InjectFault(new StandInFault(kind, PathContains: "buildWithParameters", Times: 1));
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        giveUp.CancelAfter(TimeSpan.FromSeconds(2));

        using var request = new HttpRequestMessage(HttpMethod.Post, "job/platform/job/flaky-tests/buildWithParameters") { Content = new FormUrlEncodedContent(s_suite) };
        await Assert.ThrowsAnyAsync<Exception>(() => http.Raw.SendAsync(request, giveUp.Token));

        Assert.Equal(1, standIn.QueueLength);
    }

    [Fact]
    public async Task ForgetQueueItem_ForgetsAnItemThatLeft_KeepsItsBuild_AndKeepsWaitingItems()
    {
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var standIn = await JenkinsStandInExample.StartAsync(new JenkinsStandInOptions { TimeProvider = time }, Ct);
        using var http = StandInHttp.Token(standIn.BaseAddress);
        var started = QueueId(await http.PostAsync("job/hello/build"));
        time.Advance(standIn.Options.QuietPeriod);
        var waiting = QueueId(await http.PostAsync("job/platform/job/flaky-tests/buildWithParameters", s_suite));
        standIn.InjectFault(new StandInFault(FaultKind.ForgetQueueItem));

        using var forgotten = await http.GetAsync($"queue/item/{started}/api/json");
        using var kept = await http.GetAsync($"queue/item/{waiting}/api/json");

        Assert.Equal(HttpStatusCode.NotFound, forgotten.StatusCode);
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.Equal(started, Assert.Single(standIn.ReceivedBuilds()).QueueId);
    }

    [Fact]
    public async Task Share_IsDrawnFromTheSeed_SoTheSameSeedRepeatsTheSameFaults()
    {
        static async Task<string> RunAsync(int seed)
        {
            var options = new JenkinsStandInOptions { FaultSeed = seed, Faults = [new StandInFault(FaultKind.BadGateway, PathContains: "/api/json", Probability: 0.5)] };
            await using var standIn = await JenkinsStandInExample.StartAsync(options, Ct);
            using var http = StandInHttp.Token(standIn.BaseAddress);
            var pattern = new System.Text.StringBuilder();
            for (var i = 0; i < 100; i++)
            {
                using var answer = await http.GetAsync("api/json");
                pattern.Append(answer.StatusCode == HttpStatusCode.BadGateway ? 'x' : '.');
            }
            return pattern.ToString();
        }

        var first = await RunAsync(3);
        var again = await RunAsync(3);
        var other = await RunAsync(4);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        // 100 draws at 50 %: 50 expected, and 25..75 lies five standard deviations out.
        Assert.InRange(first.Count(c => c == 'x'), 25, 75);
    }

    [Fact]
    public async Task ControlApi_AddsAShare_CountsFaults_ForgetsLeftItems_AndRejectsBadInput()
    {
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var standIn = await JenkinsStandInExample.StartAsync(new JenkinsStandInOptions { TimeProvider = time }, Ct);
        using var http = StandInHttp.Token(standIn.BaseAddress);
        var queueId = QueueId(await http.PostAsync("job/hello/build"));
        time.Advance(standIn.Options.QuietPeriod);

        using var bad = await http.Raw.PostAsync("__standin/faults", Json("""{"kind": "BadGateway", "probability": 2}"""), Ct);
        using var added = await http.Raw.PostAsync("__standin/faults", Json("""{"kind": "Starting", "pathContains": "whoAmI", "times": 1, "probability": 1}"""), Ct);
        using var starting = await http.GetAsync("whoAmI/api/json");
        var counts = await http.JsonAsync("__standin/faults");
        using var forget = await http.Raw.PostAsync("__standin/queue/forget", Json("{}"), Ct);
        using var gone = await http.GetAsync($"queue/item/{queueId}/api/json");

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("probability", await bad.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, added.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, starting.StatusCode);
        Assert.Equal(1, counts["injected"]!["Starting"]!.GetValue<long>());
        Assert.Equal(1, JsonNode.Parse(await forget.Content.ReadAsStringAsync(Ct))!["forgotten"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    private static long QueueId(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return long.Parse(response.Headers.Location!.AbsolutePath.TrimEnd('/').Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    private static StringContent Json(string text) => new(text, System.Text.Encoding.UTF8, "application/json");
}
