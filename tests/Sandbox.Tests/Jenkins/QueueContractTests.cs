using System.Net;

namespace CiBridge.Sandbox.Tests.Jenkins;

/// <summary>Triggers, the queue and coalescing (wire facts T1-T8, Q1-Q4).</summary>
public sealed class QueueContractTests
{
    private static readonly Dictionary<string, string> s_branchMain = new() { ["BRANCH"] = "main" };

    [Fact]
    public async Task IdenticalRequests_CoalesceInTheQuietPeriod()
    {
        await using var f = await StandInFixture.StartAsync();
        using var http = StandInHttp.Token(f.BaseAddress);
        const string Path = "job/platform/job/process/job/build-war/buildWithParameters";
        using var first = await http.PostAsync(Path, s_branchMain);
        using var second = await http.PostAsync(Path, s_branchMain);
        using var other = await http.PostAsync(Path, new Dictionary<string, string> { ["BRANCH"] = "dev" });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        Assert.NotEqual(first.Headers.Location, other.Headers.Location);

        using var build1 = await http.PostAsync("job/hello/build");
        using var build2 = await http.PostAsync("job/hello/build");
        Assert.Equal(HttpStatusCode.Created, build2.StatusCode);
        Assert.Equal(build1.Headers.Location, build2.Headers.Location);

        var item = await http.JsonAsync("queue/item/1/api/json");
        Assert.Equal("hudson.model.Queue$WaitingItem", item["_class"]!.GetValue<string>());
        Assert.Equal("queue/item/1/", item["url"]!.GetValue<string>());
        Assert.Equal(2, item["actions"]![1]!["causes"]!.AsArray().Count);
        Assert.Equal("In the quiet period. Expires in 5.0 sec", item["why"]!.GetValue<string>());

        f.Time.Advance(TimeSpan.FromSeconds(5));
        var left = await http.JsonAsync("queue/item/1/api/json");
        Assert.Equal("hudson.model.Queue$LeftItem", left["_class"]!.GetValue<string>());
        Assert.False(left["cancelled"]!.GetValue<bool>());
        Assert.Equal(1, left["executable"]!["number"]!.GetValue<int>());
        f.Time.Advance(TimeSpan.FromMinutes(5));
        using var expired = await http.GetAsync("queue/item/1/api/json");
        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
    }

    [Fact]
    public async Task CausesParametersAndTimes_AnswerTheTreeQueriesATriggerSearchUses()
    {
        await using var f = await StandInFixture.StartAsync();
        using var http = StandInHttp.Token(f.BaseAddress);
        var queuedAt = f.Time.GetUtcNow().ToUnixTimeMilliseconds();
        using var trigger = await http.PostAsync("job/platform/job/process/job/build-war/buildWithParameters", s_branchMain);

        var queue = await http.JsonAsync("queue/api/json?tree=items[id,inQueueSince,task[url],actions[parameters[name,value],causes[userId]]]");
        var item = queue["items"]![0]!;
        f.Time.Advance(TimeSpan.FromSeconds(5));
        var job = await http.JsonAsync("job/platform/job/process/job/build-war/api/json?tree=builds[number,queueId,timestamp,actions[parameters[name,value],causes[userId,userName,shortDescription]]]{0,50}");
        var build = job["builds"]![0]!;

        Assert.Equal(queuedAt, item["inQueueSince"]!.GetValue<long>());
        Assert.EndsWith("/job/platform/job/process/job/build-war/", item["task"]!["url"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("""{"_class":"hudson.model.Cause$UserIdCause","userId":"admin"}""", item["actions"]![1]!["causes"]![0]!.ToJsonString());
        Assert.Equal("main", item["actions"]![0]!["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "BRANCH")!["value"]!.GetValue<string>());
        Assert.Equal(item["id"]!.GetValue<long>(), build["queueId"]!.GetValue<long>());
        Assert.Equal(queuedAt + 5000, build["timestamp"]!.GetValue<long>());
        var cause = build["actions"]![1]!["causes"]![0]!;
        Assert.Equal(("admin", "Jenkins Admin", "Started by user Jenkins Admin"),
            (cause["userId"]!.GetValue<string>(), cause["userName"]!.GetValue<string>(), cause["shortDescription"]!.GetValue<string>()));
    }

    [Fact]
    public async Task WrongTriggerForTheJob_AnswersLikeJenkins()
    {
        await using var f = await StandInFixture.StartAsync();
        using var http = StandInHttp.Token(f.BaseAddress);
        using var notParameterized = await http.PostAsync("job/hello/buildWithParameters");
        Assert.Equal(HttpStatusCode.InternalServerError, notParameterized.StatusCode);
        using var noForm = await http.PostAsync("job/platform/job/process/job/build-war/build");
        Assert.Equal(HttpStatusCode.BadRequest, noForm.StatusCode);
        using var get = await http.GetAsync("job/hello/build");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        Assert.Equal("POST", get.Content.Headers.Allow.Single());
        using var badChoice = await http.PostAsync("job/platform/job/flaky-tests/buildWithParameters", new Dictionary<string, string> { ["SUITE"] = "nope" });
        Assert.Equal(HttpStatusCode.InternalServerError, badChoice.StatusCode);
        using var jsonForm = await http.PostAsync("job/platform/job/process/job/build-war/build?delay=0sec", new Dictionary<string, string>
        {
            ["json"] = """{"parameter":[{"name":"BRANCH","value":"feature"}]}""",
        });
        Assert.Equal(HttpStatusCode.Created, jsonForm.StatusCode);
        Assert.Equal("feature", Assert.Single(f.StandIn.ReceivedBuilds()).Parameters["BRANCH"]);
    }

    [Fact]
    public async Task CancelItem_QueuedThenLeft()
    {
        await using var f = await StandInFixture.StartAsync();
        using var http = StandInHttp.Token(f.BaseAddress);
        using var queued = await http.PostAsync("job/hello/build");
        using var cancel = await http.PostAsync("queue/cancelItem?id=1");
        Assert.Equal(HttpStatusCode.NoContent, cancel.StatusCode);
        var item = await http.JsonAsync("queue/item/1/api/json");
        Assert.True(item["cancelled"]!.GetValue<bool>());
        Assert.Null(item["executable"]);
        using var again = await http.PostAsync("queue/cancelItem?id=1");
        Assert.Equal(HttpStatusCode.InternalServerError, again.StatusCode);
        using var unknown = await http.PostAsync("queue/cancelItem?id=99");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
