using CiBridge.Jenkins.Errors;
using CiBridge.Jenkins.Models;
using CiBridge.Sandbox.Jenkins;
using CiBridge.Sandbox.Jenkins.Faults;

namespace CiBridge.Jenkins.Tests;

public sealed class TriggerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static TriggerRequest BuildWar(string runId, string branch = "main") =>
        new(JenkinsStandInExample.BuildWar, new Dictionary<string, string> { ["BRANCH"] = branch }, runId);

    [Fact]
    public async Task Trigger_Parameterized_QueuesAndBuildsWithParameters()
    {
        await using var f = await ClientFixture.StartAsync();
        var client = f.Client();
        var queued = await client.TriggerAsync(BuildWar("run-1"), Ct);
        Assert.Equal(new Uri(f.StandIn.BaseAddress, $"queue/item/{queued.QueueItemId}/"), queued.QueueItemUrl);
        var item = await client.GetQueueItemAsync(queued.QueueItemId, Ct);
        Assert.Equal(QueueItemState.Started, item.State);
        Assert.Equal(1, item.BuildNumber);

        var running = await client.GetBuildAsync(JenkinsStandInExample.BuildWar, 1, Ct);
        Assert.True(running.Building);
        Assert.Null(running.Result);
        f.Time.Advance(TimeSpan.FromSeconds(30));
        var done = await client.GetBuildAsync(JenkinsStandInExample.BuildWar, 1, Ct);
        Assert.False(done.Building);
        Assert.Equal(BuildResults.Success, done.Result);
        Assert.Equal(TimeSpan.FromSeconds(20), done.Duration);
        Assert.Equal(queued.QueueItemId, done.QueueId);
        Assert.Equal("main", done.Parameters["BRANCH"]);
        Assert.Equal("run-1", done.Parameters["CIBRIDGE_RUN_ID"]);
        Assert.StartsWith("3f2c9e1", done.GitRevision, StringComparison.Ordinal);
        var received = Assert.Single(f.StandIn.ReceivedBuilds());
        Assert.Equal("main", received.Parameters["BRANCH"]);
    }

    [Fact]
    public async Task Trigger_CarryingTheJobAsJustRead_DoesNotReadItAgain()
    {
        await using var f = await ClientFixture.StartAsync();
        var client = f.Client();
        var job = await client.GetJobAsync(JenkinsStandInExample.BuildWar, Ct);
        // From now on the job's definition cannot be read: a trigger that read it again would fail.
        f.StandIn.InjectFault(new StandInFault(FaultKind.BadGateway, PathContains: "/api/json", Method: "GET"));

        var queued = await client.TriggerAsync(BuildWar("run-1") with { Job = job }, Ct);

        Assert.True(queued.QueueItemId > 0);
        Assert.Equal("run-1", Assert.Single(f.StandIn.ReceivedBuilds()).Parameters["CIBRIDGE_RUN_ID"]);
    }

    [Fact]
    public async Task Trigger_WithoutParameters_UsesBuild()
    {
        await using var f = await ClientFixture.StartAsync();
        var queued = await f.Client().TriggerAsync(new TriggerRequest(JenkinsStandInExample.Hello), Ct);
        Assert.True(queued.QueueItemId > 0);
        Assert.Equal("hello", Assert.Single(f.StandIn.ReceivedBuilds()).JobPath);
    }

    [Fact]
    public async Task Trigger_UndeclaredParameter_Refused()
    {
        await using var f = await ClientFixture.StartAsync();
        var request = new TriggerRequest(JenkinsStandInExample.Hello, new Dictionary<string, string> { ["NOPE"] = "1" });
        var error = await Assert.ThrowsAsync<JenkinsException>(() => f.Client().TriggerAsync(request, Ct));
        Assert.Equal(JenkinsErrorKind.InvalidRequest, error.Kind);
        Assert.Empty(f.StandIn.ReceivedBuilds());
    }

    [Fact]
    public async Task Trigger_DisabledJob_Conflict()
    {
        await using var f = await ClientFixture.StartAsync();
        f.StandIn.SetDisabled(JenkinsStandInExample.Hello, true);
        var error = await Assert.ThrowsAsync<JenkinsException>(() => f.Client().TriggerAsync(new TriggerRequest("hello"), Ct));
        Assert.Equal(JenkinsErrorKind.Conflict, error.Kind);
    }

    [Fact]
    public async Task Trigger_UserWithoutBuildPermission_Forbidden()
    {
        await using var f = await ClientFixture.StartAsync();
        f.StandIn.AddUser("viewer", apiToken: "11cccccccccccccccccccccccccccccccc", canBuild: false);
        var client = f.Client(f.Settings() with { UserName = "viewer", Secret = "11cccccccccccccccccccccccccccccccc" });
        var error = await Assert.ThrowsAsync<JenkinsException>(() => client.TriggerAsync(new TriggerRequest("hello"), Ct));
        Assert.Equal(JenkinsErrorKind.Forbidden, error.Kind);
        Assert.Contains("hudson.model.Item.Build", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trigger_Folder_Refused()
    {
        await using var f = await ClientFixture.StartAsync();
        var error = await Assert.ThrowsAsync<JenkinsException>(() => f.Client().TriggerAsync(new TriggerRequest("platform/process"), Ct));
        Assert.Equal(JenkinsErrorKind.Conflict, error.Kind);
        Assert.Empty(f.StandIn.ReceivedBuilds());
    }

    [Fact]
    public async Task Trigger_PasswordAuth_SendsCrumbAndRefreshesItOnce()
    {
        await using var f = await ClientFixture.StartAsync();
        var client = f.Client(JenkinsAuthType.Password);
        await client.TriggerAsync(BuildWar("run-1"), Ct);
        f.StandIn.DropSessions();
        await client.TriggerAsync(BuildWar("run-2"), Ct);
        Assert.Equal(["run-1", "run-2"], f.StandIn.ReceivedBuilds().Select(b => b.Parameters["CIBRIDGE_RUN_ID"]));
        Assert.Contains(f.Logs.Lines, l => l.Contains("rejected the CSRF crumb", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Trigger_ResponseLost_RecoveredByRunId()
    {
        await using var f = await ClientFixture.StartAsync();
        f.StandIn.InjectFault(new StandInFault(FaultKind.ResetAfterHandling, PathContains: "buildWithParameters", Times: 1));
        var result = await f.Client().TriggerAsync(BuildWar("run-lost"), Ct);
        Assert.True(result.Recovered);
        var build = Assert.Single(f.StandIn.ReceivedBuilds());
        Assert.Equal(build.QueueId, result.QueueItemId);
        Assert.Equal(build.Number, result.BuildNumber);
    }

    [Fact]
    public async Task Trigger_ResponseLostWhileQueued_RecoveredFromQueue()
    {
        await using var f = await ClientFixture.StartAsync();
        f.StandIn.InjectFault(new StandInFault(FaultKind.ResetAfterHandling, PathContains: "buildWithParameters", Times: 1));
        var client = f.Client();
        var first = await client.TriggerAsync(BuildWar("run-a"), Ct);
        Assert.True(first.Recovered);
        Assert.NotNull(first.BuildNumber);
    }

    [Fact]
    public async Task Trigger_GatewayErrorBeforeJenkins_SearchedThenSafeToRetry()
    {
        await using var f = await ClientFixture.StartAsync();
        f.StandIn.InjectFault(new StandInFault(FaultKind.BadGateway, PathContains: "buildWithParameters", Times: 1));
        var error = await Assert.ThrowsAsync<JenkinsException>(() => f.Client().TriggerAsync(BuildWar("run-502"), Ct));
        Assert.False(error.OutcomeUnknown);
        Assert.Contains("may be triggered again", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trigger_RequestNeverArrived_NotRecoveredButSafeToRetry()
    {
        await using var f = await ClientFixture.StartAsync();
        f.StandIn.InjectFault(new StandInFault(FaultKind.Reset, PathContains: "buildWithParameters", Times: 1));
        var client = f.Client();
        var error = await Assert.ThrowsAsync<JenkinsException>(() => client.TriggerAsync(BuildWar("run-x"), Ct));
        Assert.False(error.OutcomeUnknown);
        Assert.Empty(f.StandIn.ReceivedBuilds());
        await client.TriggerAsync(BuildWar("run-x"), Ct);
        Assert.Single(f.StandIn.ReceivedBuilds());
    }

    [Fact]
    public async Task Trigger_ResponseLostWithoutRunIdParameter_OutcomeUnknownAndNotRetried()
    {
        await using var f = await ClientFixture.StartAsync();
        f.StandIn.InjectFault(new StandInFault(FaultKind.ResetAfterHandling, PathContains: "/build", Method: "POST", Times: 1));
        var error = await Assert.ThrowsAsync<JenkinsException>(() => f.Client().TriggerAsync(new TriggerRequest("hello", RunId: "r"), Ct));
        Assert.True(error.OutcomeUnknown);
        Assert.Single(f.StandIn.ReceivedBuilds());
    }

    [Fact]
    public async Task Trigger_ConfiguredRootUrlDiffers_QueueUrlOnEndpointBase()
    {
        await using var f = await ClientFixture.StartAsync(o => new() { TimeProvider = o.TimeProvider, ConfiguredRootUrl = new Uri("http://jenkins.internal:8080/") });
        var client = f.Client();
        var queued = await client.TriggerAsync(new TriggerRequest("hello"), Ct);
        Assert.Equal(f.StandIn.BaseAddress.Authority, queued.QueueItemUrl.Authority);
        var build = await client.GetBuildAsync("hello", 1, Ct);
        Assert.Equal("jenkins.internal:8080", build.Url!.Authority);
    }
}
