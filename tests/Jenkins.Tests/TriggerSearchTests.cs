using CiBridge.Jenkins.Errors;
using CiBridge.Jenkins.Models;
using CiBridge.Sandbox.Jenkins;
using CiBridge.Sandbox.Jenkins.Faults;

namespace CiBridge.Jenkins.Tests;

/// <summary>The search for a trigger whose answer was lost, against the stand-in's queue and builds.</summary>
public sealed class TriggerSearchTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Dictionary<string, string> s_integration = new() { ["SUITE"] = "integration", ["VERBOSE"] = "True" };

    [Fact]
    public async Task AnswerLostAfterJenkinsQueued_TheSearchFindsTheItem_ThenItsBuild_AndNothingElse()
    {
        await using var f = await ClientFixture.StartAsync();
        var client = f.Client();
        await client.TriggerAsync(new TriggerRequest(JenkinsStandInExample.Failing, new Dictionary<string, string> { ["SUITE"] = "unit" }), Ct);
        var job = await client.GetJobAsync(JenkinsStandInExample.Failing, Ct);
        var fingerprint = TriggerFingerprint.Of(job, s_integration, f.Time.GetUtcNow() - TimeSpan.FromSeconds(30));
        f.StandIn.InjectFault(new StandInFault(FaultKind.BadGatewayAfterHandling, PathContains: "buildWithParameters", Times: 1));

        var lost = await Assert.ThrowsAsync<JenkinsException>(() => client.TriggerAsync(new TriggerRequest(JenkinsStandInExample.Failing, s_integration), Ct));
        var queued = Assert.Single(await client.FindTriggeredAsync(fingerprint, Ct));
        f.Time.Advance(TimeSpan.FromSeconds(6));
        var built = Assert.Single(await client.FindTriggeredAsync(fingerprint, Ct));

        Assert.True(lost.OutcomeUnknown);
        Assert.Null(queued.BuildNumber);
        var build = f.StandIn.ReceivedBuilds().Single(b => b.Parameters["SUITE"] == "integration");
        Assert.Equal(build.QueueId, queued.QueueItemId);
        Assert.Equal((build.QueueId, build.Number), (built.QueueItemId, built.BuildNumber!.Value));
        Assert.Equal(["admin"], built.UserIds);
    }

    /// <summary>An operator that comes back late to a lost trigger, on a busy job: its build is further back than one page.</summary>
    [Fact]
    public async Task BuildFurtherBackThanOnePage_IsFoundByRunIdAndByFingerprint_BackToTheTriggerTime()
    {
        await using var f = await ClientFixture.StartAsync();
        var client = f.Client(options: ClientFixture.FastOptions with { BuildSearchLimit = 2 });
        var triggeredAt = f.Time.GetUtcNow();
        await client.TriggerAsync(new TriggerRequest(JenkinsStandInExample.BuildWar, RunId: "r-1"), Ct);
        await client.TriggerAsync(new TriggerRequest(JenkinsStandInExample.Failing, s_integration), Ct);
        for (var i = 0; i < 5; i++)
        {
            f.Time.Advance(TimeSpan.FromMinutes(1));
            await client.TriggerAsync(new TriggerRequest(JenkinsStandInExample.BuildWar, RunId: $"later-{i}"), Ct);
            await client.TriggerAsync(new TriggerRequest(JenkinsStandInExample.Failing, new Dictionary<string, string> { ["SUITE"] = "unit" }), Ct);
        }
        f.Time.Advance(TimeSpan.FromMinutes(1));
        var job = await client.GetJobAsync(JenkinsStandInExample.Failing, Ct);

        var byRunId = await client.FindRunAsync(JenkinsStandInExample.BuildWar, TriggerRequest.RunIdParameter, "r-1", triggeredAt, Ct);
        var newestPageOnly = await client.FindRunAsync(JenkinsStandInExample.BuildWar, TriggerRequest.RunIdParameter, "r-1", null, Ct);
        var byFingerprint = Assert.Single(await client.FindTriggeredAsync(TriggerFingerprint.Of(job, s_integration, triggeredAt), Ct));

        Assert.Equal(1, byRunId?.Build?.Number);
        Assert.Null(newestPageOnly);
        Assert.Equal(1, byFingerprint.BuildNumber);
        Assert.Equal(6, f.StandIn.ReceivedBuilds().Count(b => b.JobPath == JenkinsStandInExample.Failing));
    }

    [Fact]
    public async Task TheSameValuesTriggeredByAnotherUser_AreNotFound()
    {
        await using var f = await ClientFixture.StartAsync();
        const string token = "11eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee";
        f.StandIn.AddUser("someone", apiToken: token, fullName: "Some One");
        var other = f.Client(f.Settings() with { UserName = "someone", Secret = token });
        await other.TriggerAsync(new TriggerRequest(JenkinsStandInExample.Failing, s_integration), Ct);
        var job = await f.Client().GetJobAsync(JenkinsStandInExample.Failing, Ct);

        var found = await f.Client().FindTriggeredAsync(TriggerFingerprint.Of(job, s_integration, f.Time.GetUtcNow().AddMinutes(-1)), Ct);

        Assert.Single(f.StandIn.ReceivedBuilds());
        Assert.Empty(found);
    }
}
