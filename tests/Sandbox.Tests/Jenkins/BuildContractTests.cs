using System.Net;
using System.Text;
using CiBridge.Sandbox.Jenkins;

namespace CiBridge.Sandbox.Tests.Jenkins;

/// <summary>Builds, console text and tree= (wire facts B1-B5, L1-L3, J1-J5).</summary>
public sealed class BuildContractTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ProgressiveText_OffsetsAreRawBytes_MoreDataWhileBuilding()
    {
        await using var f = await StandInFixture.StartAsync();
        using var http = StandInHttp.Token(f.BaseAddress);
        using var trigger = await http.PostAsync("job/platform/job/nightly-release/build?delay=0sec");
        f.Time.Advance(TimeSpan.FromMinutes(4));
        using var first = await http.GetAsync("job/platform/job/nightly-release/1/logText/progressiveText?start=0");
        var text = await first.Content.ReadAsStringAsync(Ct);
        var size = long.Parse(first.Headers.GetValues("X-Text-Size").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("true", first.Headers.GetValues("X-More-Data").Single());
        Assert.Contains("Started by user Jenkins Admin\r\n", text, StringComparison.Ordinal);
        Assert.True(size > Encoding.UTF8.GetByteCount(text.Replace("\r\n", "\n", StringComparison.Ordinal)), "hidden console notes count in X-Text-Size");
        Assert.False(first.Headers.Contains("X-Jenkins"));

        f.Time.Advance(TimeSpan.FromMinutes(10));
        using var rest = await http.GetAsync($"job/platform/job/nightly-release/1/logText/progressiveText?start={size}");
        Assert.False(rest.Headers.Contains("X-More-Data"));
        Assert.EndsWith("Finished: SUCCESS\r\n", await rest.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var beyond = await http.GetAsync("job/platform/job/nightly-release/1/logText/progressiveText?start=999999");
        Assert.StartsWith("Started by user", await beyond.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProgressiveText_Over4096Bytes_GzippedWhenAccepted()
    {
        await using var f = await StandInFixture.StartAsync();
        f.StandIn.SetBehavior("hello", new Sandbox.Jenkins.Model.JobBehavior(TimeSpan.FromSeconds(1), "SUCCESS", Enumerable.Repeat(new string('x', 100), 60).ToList()));
        using var http = StandInHttp.Token(f.BaseAddress);
        using var trigger = await http.PostAsync("job/hello/build?delay=0sec");
        f.Time.Advance(TimeSpan.FromSeconds(1));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(f.BaseAddress, "job/hello/1/logText/progressiveText?start=0"));
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        using var raw = new HttpClient();
        raw.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:" + JenkinsStandInExample.ApiToken)));
        using var response = await raw.SendAsync(request, Ct);
        Assert.Equal("gzip", response.Content.Headers.ContentEncoding.Single());
        using var small = await http.GetAsync("job/hello/1/logText/progressiveText?start=6000");
        Assert.Empty(small.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task BuildJson_HasRunFieldsAndQueueId()
    {
        await using var f = await StandInFixture.StartAsync();
        using var http = StandInHttp.Token(f.BaseAddress);
        using var trigger = await http.PostAsync("job/platform/job/flaky-tests/buildWithParameters?delay=0sec", new Dictionary<string, string> { ["VERBOSE"] = "TRUE" });
        var running = await http.JsonAsync("job/platform/job/flaky-tests/lastBuild/api/json");
        Assert.Equal("hudson.model.FreeStyleBuild", running["_class"]!.GetValue<string>());
        Assert.True(running["building"]!.GetValue<bool>());
        Assert.Equal(0, running["duration"]!.GetValue<long>());
        Assert.Equal(-1, running["estimatedDuration"]!.GetValue<long>());
        Assert.Equal("platform » flaky-tests #1", running["fullDisplayName"]!.GetValue<string>());
        Assert.Equal(1, running["queueId"]!.GetValue<long>());
        var parameters = running["actions"]![0]!["parameters"]!.AsArray();
        Assert.True(parameters.Single(p => p!["name"]!.GetValue<string>() == "VERBOSE")!["value"]!.GetValue<bool>());
        f.Time.Advance(TimeSpan.FromSeconds(5));
        var done = await http.JsonAsync("job/platform/job/flaky-tests/1/api/json");
        Assert.Equal("FAILURE", done["result"]!.GetValue<string>());
        Assert.Equal(5000, done["duration"]!.GetValue<long>());
        var job = await http.JsonAsync("job/platform/job/flaky-tests/api/json");
        Assert.Equal("red", job["color"]!.GetValue<string>());
        Assert.Equal(1, job["lastFailedBuild"]!["number"]!.GetValue<int>());
        using var missing = await http.GetAsync("job/platform/job/flaky-tests/lastSuccessfulBuild/api/json");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Tree_SelectsPropertiesAndRejectsMalformedSpecs()
    {
        await using var f = await StandInFixture.StartAsync();
        using var http = StandInHttp.Token(f.BaseAddress);
        var root = await http.JsonAsync("api/json?tree=jobs[name,jobs[name]]");
        Assert.Equal("{\"_class\":\"hudson.model.Hudson\",\"jobs\":[" +
            "{\"_class\":\"hudson.model.FreeStyleProject\",\"name\":\"hello\"}," +
            "{\"_class\":\"com.cloudbees.hudson.plugins.folder.Folder\",\"name\":\"platform\",\"jobs\":[" +
            "{\"_class\":\"hudson.model.FreeStyleProject\",\"name\":\"flaky-tests\"}," +
            "{\"_class\":\"hudson.model.FreeStyleProject\",\"name\":\"nightly-release\"}," +
            "{\"_class\":\"com.cloudbees.hudson.plugins.folder.Folder\",\"name\":\"process\"}]}]}", root.ToJsonString());
        var bare = await http.JsonAsync("api/json?tree=jobs");
        Assert.Equal("{\"_class\":\"hudson.model.FreeStyleProject\"}", bare["jobs"]![0]!.ToJsonString());
        var sliced = await http.JsonAsync("api/json?tree=jobs[name]{1,2}");
        Assert.Equal("platform", Assert.Single(sliced["jobs"]!.AsArray())!["name"]!.GetValue<string>());
        using var malformed = await http.GetAsync("api/json?tree=jobs[name");
        Assert.Equal(HttpStatusCode.InternalServerError, malformed.StatusCode);
    }

    [Fact]
    public async Task Stop_RedirectsAndAbortsAfterTheAbortDelay()
    {
        await using var f = await StandInFixture.StartAsync(o => new() { TimeProvider = o.TimeProvider, AbortDelay = TimeSpan.FromSeconds(1) });
        using var http = StandInHttp.Token(f.BaseAddress);
        using var trigger = await http.PostAsync("job/platform/job/nightly-release/build?delay=0sec");
        using var stop = await http.PostAsync("job/platform/job/nightly-release/1/stop");
        Assert.Equal(HttpStatusCode.Found, stop.StatusCode);
        Assert.True((await http.JsonAsync("job/platform/job/nightly-release/1/api/json"))["building"]!.GetValue<bool>());
        f.Time.Advance(TimeSpan.FromSeconds(1));
        var aborted = await http.JsonAsync("job/platform/job/nightly-release/1/api/json");
        Assert.Equal("ABORTED", aborted["result"]!.GetValue<string>());
        using var console = await http.GetAsync("job/platform/job/nightly-release/1/consoleText");
        Assert.Contains("Aborted by Jenkins Admin\n", await console.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
