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
    public async Task FindRun_ByRunIdParameter_InQueueThenAmongBuilds()
    {
        await using var f = await ClientFixture.StartAsync();
        var client = f.Client();
        await client.TriggerAsync(new TriggerRequest(JenkinsStandInExample.BuildWar, RunId: "r-1"), Ct);
        var found = await client.FindRunAsync(JenkinsStandInExample.BuildWar, TriggerRequest.RunIdParameter, "r-1", Ct);
        Assert.Equal(1, found?.Build?.Number);
        Assert.Null(await client.FindRunAsync(JenkinsStandInExample.BuildWar, TriggerRequest.RunIdParameter, "r-2", Ct));
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
