using CiBridge.Entities;
using CiBridge.Entities.CiTasks;
using CiBridge.Entities.JenkinsEndpoints;
using CiBridge.Jenkins.Models;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Models;
using CiBridge.Operator.Tests.Controllers.Support;

namespace CiBridge.Operator.Tests.Controllers;

/// <summary>
/// What users and Jenkins put into status is shortened to the schema's limits, so the status
/// write succeeds (a 422 would repeat on every retry) and a long request still runs exactly once.
/// </summary>
public sealed class StatusFitTests
{
    private static CancellationToken Ct => Harness.Ct;

    [Fact]
    public async Task ARevisionJenkinsReportsBeyondTheLimit_IsShortenedWithTheMarker_AndTheRunFinishes()
    {
        var harness = await new Harness().WithVerifiedEndpointAsync();
        harness.Jenkins.Jobs["platform/build"] = FakeJenkins.Job("platform/build");
        await harness.Api.CreateAsync(Objects.Task(), Ct);
        await ReconcileAsync(harness);
        await ReconcileAsync(harness);
        harness.Jenkins.StartQueued(harness.Time.GetUtcNow());
        harness.Jenkins.FinishBuilds(BuildResults.Success, gitRevision: new string('f', 300));

        await ReconcileAsync(harness);

        var run = (await harness.GetAsync<CiTask>(Harness.TaskKey))!.Status!.CurrentRun!;
        Assert.Equal(BuildResults.Success, run.Result);
        Assert.Equal(CiTaskRun.MaxRevisionLength, run.BuiltRevision!.Length);
        Assert.EndsWith(SchemaText.TruncationMarker, run.BuiltRevision, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARunRequestBeyondTheLimit_StartsExactlyOneRun_AndIsRecordedShortened()
    {
        var harness = await new Harness().WithVerifiedEndpointAsync();
        harness.Jenkins.Jobs["platform/build"] = FakeJenkins.Job("platform/build");
        await harness.Api.CreateAsync(Objects.Task(), Ct);
        await RunToTheEndAsync(harness);
        var request = new string('r', 400);
        var task = (await harness.GetAsync<CiTask>(Harness.TaskKey))!;
        task.Metadata.Annotations = new() { [CiBridgeApi.RunRequestedAtAnnotation] = request };
        await harness.Api.ReplaceAsync(task, Ct);

        await RunToTheEndAsync(harness);
        await ReconcileAsync(harness);
        await ReconcileAsync(harness);

        var handled = (await harness.GetAsync<CiTask>(Harness.TaskKey))!.Status!.LastHandledRunRequest!;
        Assert.Equal(2, harness.Jenkins.Triggers.Count);
        Assert.Equal(CiTaskStatus.MaxRunRequestLength, handled.Length);
        Assert.StartsWith(request[..200], handled, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AVersionAndUserBeyondTheLimits_AreShortened_AndTheEndpointIsVerified()
    {
        var harness = new Harness();
        harness.Jenkins.Verification = new VerifyOutcome(VerifyStatus.Verified, "verified", new string('9', 100), new string('u', 300));

        await harness.WithVerifiedEndpointAsync();

        var status = (await harness.GetAsync<JenkinsEndpoint>(Harness.EndpointKey))!.Status!;
        Assert.True(Conditions.IsTrue(status.Conditions, "Ready"));
        Assert.Equal(JenkinsEndpointStatus.MaxVersionLength, status.JenkinsVersion!.Length);
        Assert.Equal(JenkinsEndpointStatus.MaxUserLength, status.AuthenticatedAs!.Length);
    }

    private static async Task RunToTheEndAsync(Harness harness)
    {
        await ReconcileAsync(harness);
        await ReconcileAsync(harness);
        harness.Jenkins.StartQueued(harness.Time.GetUtcNow());
        harness.Jenkins.FinishBuilds(BuildResults.Success);
        await ReconcileAsync(harness);
    }

    private static Task<ReconcileResult> ReconcileAsync(Harness harness) => harness.Tasks.ReconcileAsync(Harness.TaskKey, Ct).AsTask();
}
