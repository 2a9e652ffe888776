using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace CiBridge.Sandbox.Tests.Jenkins;

/// <summary>The HTTP control API under /__standin/.</summary>
public sealed class ControlApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ControlApi_SetsOutcomesInjectsFaultsAndListsBuilds()
    {
        await using var f = await StandInFixture.StartAsync();
        using var control = new HttpClient { BaseAddress = new Uri(f.BaseAddress, "/__standin/") };
        using var behavior = await control.PostAsync("jobs/behavior", Json("""{"job":"hello","durationSeconds":3,"result":"UNSTABLE","console":["one"]}"""), Ct);
        Assert.Equal(HttpStatusCode.NoContent, behavior.StatusCode);
        using var http = StandInHttp.Token(f.BaseAddress);
        using var trigger = await http.PostAsync("job/hello/build?delay=0sec");
        f.Time.Advance(TimeSpan.FromSeconds(3));
        var builds = JsonNode.Parse(await control.GetStringAsync("builds", Ct))!.AsArray();
        Assert.Equal("UNSTABLE", Assert.Single(builds)!["result"]!.GetValue<string>());

        using var fault = await control.PostAsync("faults", Json("""{"kind":"BadGateway","times":1}"""), Ct);
        Assert.Equal(HttpStatusCode.NoContent, fault.StatusCode);
        using var failed = await http.GetAsync("api/json");
        Assert.Equal(HttpStatusCode.BadGateway, failed.StatusCode);
        using var healed = await http.GetAsync("api/json");
        Assert.Equal(HttpStatusCode.OK, healed.StatusCode);
    }

    [Fact]
    public async Task ControlApi_AddsUsersAndJobs_RevokesTokens()
    {
        await using var f = await StandInFixture.StartAsync();
        using var control = new HttpClient { BaseAddress = new Uri(f.BaseAddress, "/__standin/") };
        (await control.PostAsync("users", Json("""{"id":"bob","token":"11bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"}"""), Ct)).EnsureSuccessStatusCode();
        (await control.PostAsync("jobs", Json("""{"job":"team/app","kind":"pipeline","parameters":[{"name":"MODE","kind":"choice","choices":["a","b"]}]}"""), Ct)).EnsureSuccessStatusCode();
        using var bob = new StandInHttp(f.BaseAddress, "bob", "11bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
        var job = await bob.JsonAsync("job/team/job/app/api/json");
        Assert.Equal("org.jenkinsci.plugins.workflow.job.WorkflowJob", job["_class"]!.GetValue<string>());
        Assert.Equal("a", job["property"]![0]!["parameterDefinitions"]![0]!["defaultParameterValue"]!["value"]!.GetValue<string>());
        (await control.PostAsync("users/revoke-token", Json("""{"id":"bob","token":"11bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"}"""), Ct)).EnsureSuccessStatusCode();
        using var revoked = await bob.GetAsync("api/json");
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
