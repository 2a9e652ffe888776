using CiBridge.Jenkins.Errors;
using CiBridge.Jenkins.Models;
using CiBridge.Sandbox.Jenkins;

namespace CiBridge.Jenkins.Tests;

public sealed class QueueAndBuildTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task QueueItem_ExpiresFiveMinutesAfterLeaving_BuildFoundByQueueId()
    {
        await using var f = await ClientFixture.StartAsync();
        var client = f.Client();
        var queued = await client.TriggerAsync(new TriggerRequest("hello"), Ct);
        f.Time.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(QueueItemState.Started, (await client.GetQueueItemAsync(queued.QueueItemId, Ct)).State);
        f.Time.Advance(TimeSpan.FromMinutes(1));
        var error = await Assert.ThrowsAsync<JenkinsException>(() => client.GetQueueItemAsync(queued.QueueItemId, Ct));
        Assert.Equal(JenkinsErrorKind.NotFound, error.Kind);
        var build = await client.FindBuildByQueueIdAsync("hello", queued.QueueItemId, Ct);
        Assert.Equal(1, build?.Number);
        Assert.Null(await client.FindBuildByQueueIdAsync("hello", queued.QueueItemId + 100, Ct));
    }

    [Fact]
    public async Task QueueItem_NonConcurrentJobBusy_BlockedThenCancelled()
    {
        await using var f = await ClientFixture.StartAsync();
        var client = f.Client();
        await client.TriggerAsync(new TriggerRequest(JenkinsStandInExample.Slow), Ct);
        var second = await client.TriggerAsync(new TriggerRequest(JenkinsStandInExample.Slow), Ct);
        var blocked = await client.GetQueueItemAsync(second.QueueItemId, Ct);
        Assert.Equal(QueueItemState.Blocked, blocked.State);
        Assert.Equal("Build #1 is already in progress (ETA: N/A)", blocked.Why);
        Assert.True(await client.CancelQueueItemAsync(second.QueueItemId, Ct));
        Assert.Equal(QueueItemState.Cancelled, (await client.GetQueueItemAsync(second.QueueItemId, Ct)).State);
        Assert.False(await client.CancelQueueItemAsync(second.QueueItemId, Ct));
    }

    [Fact]
    public async Task QueueItem_NoFreeExecutor_Buildable()
    {
        await using var f = await ClientFixture.StartAsync(o => new() { TimeProvider = o.TimeProvider, Executors = 1 });
        var client = f.Client();
        await client.TriggerAsync(new TriggerRequest(JenkinsStandInExample.Slow), Ct);
        var waiting = await client.TriggerAsync(new TriggerRequest(JenkinsStandInExample.Hello), Ct);
        var item = await client.GetQueueItemAsync(waiting.QueueItemId, Ct);
        Assert.Equal(QueueItemState.Buildable, item.State);
        Assert.True(item.IsQueued);
        Assert.Equal("Waiting for next available executor", item.Why);
        f.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(1, (await client.GetQueueItemAsync(waiting.QueueItemId, Ct)).BuildNumber);
    }

    [Fact]
    public async Task Names_WithSpacesAndParentheses_WorkThroughFolders()
    {
        await using var f = await ClientFixture.StartAsync();
        f.StandIn.AddJob("team a/my job (ci)", [Sandbox.Jenkins.Model.StandInParameter.Text("X", "1"), Sandbox.Jenkins.Model.StandInParameter.Text("CIBRIDGE_RUN_ID")]);
        var client = f.Client();
        var discovered = Assert.Single((await client.DiscoverJobsAsync(Ct)).Jobs, j => j.FullName == "team a/my job (ci)");
        Assert.EndsWith("/job/team%20a/job/my%20job%20(ci)/", discovered.Url!.OriginalString, StringComparison.Ordinal);
        await client.TriggerAsync(new TriggerRequest("team a/my job (ci)", RunId: "run-p"), Ct);
        f.StandIn.InjectFault(new Sandbox.Jenkins.Faults.StandInFault(Sandbox.Jenkins.Faults.FaultKind.ResetAfterHandling, Method: "POST", Times: 1));
        var lost = await client.TriggerAsync(new TriggerRequest("team a/my job (ci)", new Dictionary<string, string> { ["X"] = "q" }, "run-q"), Ct);
        Assert.True(lost.Recovered);
        Assert.Null(lost.BuildNumber); // found in the queue: blocked behind build #1
        var queued = await client.TriggerAsync(new TriggerRequest("team a/my job (ci)", new Dictionary<string, string> { ["X"] = "a b&c=d" }), Ct);
        f.Time.Advance(TimeSpan.FromSeconds(5));
        var build = await client.FindBuildByQueueIdAsync("team a/my job (ci)", queued.QueueItemId, Ct);
        Assert.Equal(3, build?.Number);
        Assert.Equal("a b&c=d", build?.Parameters["X"]);
    }

    [Fact]
    public async Task FindRun_ByRunIdParameter_InQueueThenAmongBuilds()
    {
        await using var f = await ClientFixture.StartAsync();
        var client = f.Client();
        await client.TriggerAsync(new TriggerRequest(JenkinsStandInExample.BuildWar, RunId: "r-1"), Ct);
        var found = await client.FindRunAsync(JenkinsStandInExample.BuildWar, TriggerRequest.RunIdParameter, "r-1", null, Ct);
        Assert.Equal(1, found?.Build?.Number);
        Assert.Null(await client.FindRunAsync(JenkinsStandInExample.BuildWar, TriggerRequest.RunIdParameter, "r-2", null, Ct));
    }

    [Fact]
    public async Task Console_ReadProgressively_WithRawOffsets()
    {
        await using var f = await ClientFixture.StartAsync();
        var client = f.Client();
        await client.TriggerAsync(new TriggerRequest(JenkinsStandInExample.Slow), Ct);
        f.Time.Advance(TimeSpan.FromMinutes(5));
        var first = await client.ReadConsoleAsync(JenkinsStandInExample.Slow, 1, 0, Ct);
        Assert.True(first.MoreData);
        Assert.StartsWith("Started by user Jenkins Admin\n", first.Text, StringComparison.Ordinal);
        Assert.True(first.NextOffset > System.Text.Encoding.UTF8.GetByteCount(first.Text.Replace("\n", "\r\n", StringComparison.Ordinal)) - 10);
        f.Time.Advance(TimeSpan.FromMinutes(6));
        var rest = await client.ReadConsoleAsync(JenkinsStandInExample.Slow, 1, first.NextOffset, Ct);
        Assert.False(rest.MoreData);
        Assert.DoesNotContain("Started by user", rest.Text, StringComparison.Ordinal);
        Assert.EndsWith("step 3/3\nFinished: SUCCESS\n", rest.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Console_LargeLog_ArrivesGzippedAndWhole()
    {
        await using var f = await ClientFixture.StartAsync();
        var lines = Enumerable.Range(1, 400).Select(i => $"compiling module {i} of 400").ToList();
        f.StandIn.SetBehavior("hello", new Sandbox.Jenkins.Model.JobBehavior(TimeSpan.FromSeconds(4), "SUCCESS", lines));
        var client = f.Client();
        await client.TriggerAsync(new TriggerRequest("hello"), Ct);
        f.Time.Advance(TimeSpan.FromSeconds(2));
        var first = await client.ReadConsoleAsync("hello", 1, 0, Ct);
        f.Time.Advance(TimeSpan.FromSeconds(2));
        var rest = await client.ReadConsoleAsync("hello", 1, first.NextOffset, Ct);
        var text = first.Text + rest.Text;
        Assert.True(first.MoreData);
        Assert.False(rest.MoreData);
        Assert.Equal(lines, text.Split('\n').Where(l => l.StartsWith("compiling", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Console_OverLimit_Truncated()
    {
        await using var f = await ClientFixture.StartAsync();
        var client = f.Client(options: ClientFixture.FastOptions with { ConsoleChunkMaxBytes = 40 });
        await client.TriggerAsync(new TriggerRequest("hello"), Ct);
        f.Time.Advance(TimeSpan.FromSeconds(5));
        var chunk = await client.ReadConsoleAsync("hello", 1, 0, Ct);
        Assert.True(chunk.Truncated);
        Assert.True(chunk.Text.Length <= 40);
    }

    [Fact]
    public async Task StopBuild_RunningBuild_Aborted()
    {
        await using var f = await ClientFixture.StartAsync();
        var client = f.Client(JenkinsAuthType.Password);
        await client.TriggerAsync(new TriggerRequest(JenkinsStandInExample.Slow), Ct);
        f.Time.Advance(TimeSpan.FromSeconds(10));
        await client.StopBuildAsync(JenkinsStandInExample.Slow, 1, Ct);
        var build = await client.GetBuildAsync(JenkinsStandInExample.Slow, 1, Ct);
        Assert.Equal(BuildResults.Aborted, build.Result);
        Assert.Equal(TimeSpan.FromSeconds(10), build.Duration);
        var console = await client.ReadConsoleAsync(JenkinsStandInExample.Slow, 1, 0, Ct);
        Assert.EndsWith("Finished: ABORTED\n", console.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailingJob_ResultFailure()
    {
        await using var f = await ClientFixture.StartAsync();
        var client = f.Client();
        var request = new TriggerRequest(JenkinsStandInExample.Failing, new Dictionary<string, string> { ["SUITE"] = "integration", ["VERBOSE"] = "true" });
        await client.TriggerAsync(request, Ct);
        f.Time.Advance(TimeSpan.FromMinutes(1));
        var build = await client.GetBuildAsync(JenkinsStandInExample.Failing, 1, Ct);
        Assert.Equal(BuildResults.Failure, build.Result);
        Assert.Equal("true", build.Parameters["VERBOSE"]);
        Assert.Equal("integration", build.Parameters["SUITE"]);
    }
}
