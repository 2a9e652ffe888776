using CiBridge.Jenkins.Errors;
using CiBridge.Sandbox.Jenkins;
using CiBridge.Sandbox.Jenkins.Faults;

namespace CiBridge.Jenkins.Tests;

public sealed class JobTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DiscoverJobs_RecursesThroughFolders()
    {
        await using var f = await ClientFixture.StartAsync();
        var result = await f.Client().DiscoverJobsAsync(Ct);
        Assert.False(result.Truncated);
        Assert.Equal(
            ["hello", "platform/flaky-tests", "platform/nightly-release", "platform/process/build-war"],
            result.Jobs.Select(j => j.FullName));
        Assert.Equal("org.jenkinsci.plugins.workflow.job.WorkflowJob", result.Jobs[^1].Class);
    }

    [Fact]
    public async Task DiscoverJobs_BeyondDepthOrCount_Truncated()
    {
        await using var f = await ClientFixture.StartAsync();
        var shallow = await f.Client(options: ClientFixture.FastOptions with { DiscoveryMaxDepth = 2 }).DiscoverJobsAsync(Ct);
        Assert.True(shallow.Truncated);
        Assert.DoesNotContain(shallow.Jobs, j => j.FullName == "platform/process/build-war");
        var few = await f.Client(options: ClientFixture.FastOptions with { DiscoveryMaxJobs = 2 }).DiscoverJobsAsync(Ct);
        Assert.True(few.Truncated);
        Assert.Equal(2, few.Jobs.Count);
    }

    [Fact]
    public async Task GetJob_InFolder_ReadsParameterDefinitions()
    {
        await using var f = await ClientFixture.StartAsync();
        var job = await f.Client().GetJobAsync(JenkinsStandInExample.BuildWar, Ct);
        Assert.Equal("platform/process/build-war", job.FullName);
        Assert.True(job.Buildable);
        Assert.Equal(["BRANCH", "DEPLOY_KEY", "CIBRIDGE_RUN_ID"], job.Parameters.Select(p => p.Name));
        Assert.Equal("master", job.Parameters[0].DefaultValue);
        var failing = await f.Client().GetJobAsync(JenkinsStandInExample.Failing, Ct);
        Assert.Equal(["unit", "integration"], failing.Parameters[0].Choices);
        Assert.Equal("false", failing.Parameters[1].DefaultValue);
    }

    [Fact]
    public async Task GetJob_Missing_NotFound()
    {
        await using var f = await ClientFixture.StartAsync();
        var error = await Assert.ThrowsAsync<JenkinsException>(() => f.Client().GetJobAsync("platform/nope", Ct));
        Assert.Equal(JenkinsErrorKind.NotFound, error.Kind);
    }

    [Fact]
    public async Task GetJob_TransientBadGateway_RetriedForReads()
    {
        await using var f = await ClientFixture.StartAsync();
        f.StandIn.InjectFault(new StandInFault(FaultKind.BadGateway, PathContains: "/job/hello/", Times: 1));
        var job = await f.Client().GetJobAsync(JenkinsStandInExample.Hello, Ct);
        Assert.Equal("hello", job.FullName);
    }

    [Fact]
    public async Task Reads_RepeatedFailures_OpenTheCircuit()
    {
        await using var f = await ClientFixture.StartAsync();
        f.StandIn.InjectFault(new StandInFault(FaultKind.BadGateway));
        var client = f.Client(options: ClientFixture.FastOptions with { ReadRetries = 0, BreakerMinimumThroughput = 2 });
        for (var i = 0; i < 3; i++) await Assert.ThrowsAsync<JenkinsException>(() => client.GetJobAsync("hello", Ct));
        f.StandIn.ClearFaults();
        var error = await Assert.ThrowsAsync<JenkinsException>(() => client.GetJobAsync("hello", Ct));
        Assert.Equal(JenkinsErrorKind.Unreachable, error.Kind);
        Assert.Contains("circuit open", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidJobPath_Rejected()
    {
        await using var f = await ClientFixture.StartAsync();
        var error = await Assert.ThrowsAsync<JenkinsException>(() => f.Client().GetJobAsync("platform//x", Ct));
        Assert.Equal(JenkinsErrorKind.InvalidRequest, error.Kind);
    }
}
