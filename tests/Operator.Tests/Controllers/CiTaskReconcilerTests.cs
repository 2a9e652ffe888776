using System.Text.Json.Nodes;
using CiBridge.Entities;
using CiBridge.Entities.CiTasks;
using CiBridge.Entities.Conditions;
using CiBridge.Jenkins.Models;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Models;
using CiBridge.Operator.Tests.Controllers.Support;

namespace CiBridge.Operator.Tests.Controllers;

/// <summary>The CiTask reconciler against an in-memory API and a fake Jenkins, on a fake clock.</summary>
public sealed class CiTaskReconcilerTests
{
    private static CancellationToken Ct => Harness.Ct;

    [Fact]
    public async Task NewTask_RunsOneBuildToItsEnd_WithEventsInOrder_ThenIdlesWithoutWrites()
    {
        var harness = await new Harness().WithVerifiedEndpointAsync();
        harness.Jenkins.Jobs["platform/build"] = FakeJenkins.Job("platform/build");
        await harness.Api.CreateAsync(Objects.Task(), Ct);
        harness.Events.Recorded.Clear();

        await ReconcileAsync(harness);                 // adds the finalizer
        await ReconcileAsync(harness);                 // records the run, triggers
        harness.Jenkins.StartQueued(harness.Time.GetUtcNow());
        await ReconcileAsync(harness);                 // queue item → build
        harness.Jenkins.FinishBuilds(BuildResults.Success);
        await ReconcileAsync(harness);                 // build → result
        await ReconcileAsync(harness);                 // nothing due
        var writes = harness.Api.StatusWrites;
        var idle = await ReconcileAsync(harness);

        var task = (await harness.GetAsync<CiTask>(Harness.TaskKey))!;
        Assert.Single(harness.Jenkins.Triggers);
        Assert.Equal(CiTaskPhases.Succeeded, task.Status!.Phase);
        Assert.Equal(1, task.Status.CurrentRun!.BuildNumber);
        Assert.Equal([TaskReasons.Pending, TaskReasons.Queued, TaskReasons.Running, TaskReasons.Succeeded], harness.Events.Reasons);
        Assert.Equal(ReconcileResult.Done, idle);
        Assert.Equal(writes, harness.Api.StatusWrites);
    }

    [Fact]
    public async Task SecondRun_AlsoGoesThroughPending()
    {
        var harness = await new Harness().WithVerifiedEndpointAsync();
        harness.Jenkins.Jobs["platform/build"] = FakeJenkins.Job("platform/build");
        await harness.Api.CreateAsync(Objects.Task(), Ct);
        await RunToTheEndAsync(harness);
        harness.Events.Recorded.Clear();

        var revision = new JsonObject { ["spec"] = new JsonObject { ["revision"] = "9a8b7c6" } };
        await harness.Api.PatchAsync<CiTask>(Harness.TaskKey, Patch.Merge(revision), Ct);
        await ReconcileAsync(harness);

        Assert.Equal(2, harness.Jenkins.Triggers.Count);
        Assert.Equal([TaskReasons.Pending, TaskReasons.Queued], harness.Events.Reasons);
    }

    [Fact]
    public async Task TaskCreatedBeforeItsEndpointIsVerified_WaitsQuietly_ThenRuns()
    {
        var harness = new Harness();
        harness.Jenkins.Jobs["platform/build"] = FakeJenkins.Job("platform/build");
        await harness.Api.CreateAsync(Objects.Credentials(), Ct);
        await harness.Api.CreateAsync(Objects.Endpoint(), Ct);
        await harness.Api.CreateAsync(Objects.Task(), Ct);

        await ReconcileAsync(harness);
        var waiting = await ReconcileAsync(harness);
        var task = (await harness.GetAsync<CiTask>(Harness.TaskKey))!;
        await harness.Endpoints.ReconcileAsync(Harness.EndpointKey, Ct);
        await ReconcileAsync(harness);

        Assert.Equal(ReconcileResult.Done, waiting);
        Assert.Equal(nameof(ConditionStatus.Unknown), Conditions.Find(task.Status!.Conditions, ConditionTypes.Ready)!.Status);
        Assert.NotNull(Conditions.Find(task.Status.Conditions, ConditionTypes.Reconciling));
        Assert.DoesNotContain(harness.Events.Recorded, e => e.Type == EventTypes.Warning);
        Assert.Single(harness.Jenkins.Triggers);
    }

    [Fact]
    public async Task JenkinsDownWhileFollowing_IsRetriedWithBackOff_AndReported()
    {
        var harness = await new Harness().WithVerifiedEndpointAsync();
        harness.Jenkins.Jobs["platform/build"] = FakeJenkins.Job("platform/build");
        await harness.Api.CreateAsync(Objects.Task(), Ct);
        await ReconcileAsync(harness);
        await ReconcileAsync(harness);

        harness.Jenkins.Down = true;
        var result = await ReconcileAsync(harness);

        var task = (await harness.GetAsync<CiTask>(Harness.TaskKey))!;
        Assert.IsType<ReconcileResult.RetryResult>(result);
        Assert.Equal(TaskReasons.JenkinsRequestFailed, Conditions.Find(task.Status!.Conditions, ConditionTypes.Ready)!.Reason);
        Assert.Equal(TaskReasons.Queued, Conditions.Find(task.Status.Conditions, ConditionTypes.Succeeded)!.Reason);
        Assert.Single(harness.Jenkins.Triggers);
    }

    [Fact]
    public async Task DisabledJob_IsReportedAsJobDisabled_AndRetried()
    {
        var harness = await new Harness().WithVerifiedEndpointAsync();
        harness.Jenkins.Jobs["platform/build"] = FakeJenkins.Job("platform/build", buildable: false);
        await harness.Api.CreateAsync(Objects.Task(), Ct);
        await ReconcileAsync(harness);

        var result = await ReconcileAsync(harness);

        var task = (await harness.GetAsync<CiTask>(Harness.TaskKey))!;
        Assert.IsType<ReconcileResult.RetryResult>(result);
        Assert.Equal(TaskReasons.JobDisabled, Conditions.Find(task.Status!.Conditions, ConditionTypes.Ready)!.Reason);
        Assert.Empty(harness.Jenkins.Triggers);
    }

    [Fact]
    public async Task JobEnabledSinceItsDefinitionWasKept_IsTriggered_AfterAFreshRead()
    {
        var harness = await new Harness().WithVerifiedEndpointAsync();
        harness.Jenkins.Jobs["platform/build"] = FakeJenkins.Job("platform/build");
        harness.Jenkins.KeptJobs["platform/build"] = FakeJenkins.Job("platform/build", buildable: false);
        await harness.Api.CreateAsync(Objects.Task(), Ct);

        await ReconcileAsync(harness);

        Assert.Single(harness.Jenkins.Triggers);
        Assert.Equal(["GetJobAsync", "ForgetJob", "GetJobAsync"], harness.Jenkins.Requests.Where(r => r is "GetJobAsync" or "ForgetJob"));
    }

    [Fact]
    public async Task NewTask_IsTriggeredInTheReconcileThatAddsTheFinalizer()
    {
        var harness = await new Harness().WithVerifiedEndpointAsync();
        harness.Jenkins.Jobs["platform/build"] = FakeJenkins.Job("platform/build");
        await harness.Api.CreateAsync(Objects.Task(), Ct);

        await ReconcileAsync(harness);

        var task = (await harness.GetAsync<CiTask>(Harness.TaskKey))!;
        Assert.Contains(CiBridgeApi.Finalizer, task.Metadata.Finalizers!);
        Assert.Single(harness.Jenkins.Triggers);
        Assert.NotNull(task.Status!.CurrentRun!.QueueItemId);
    }

    [Fact]
    public async Task IntentWriteThatConflicts_TriggersNothing()
    {
        var harness = await new Harness().WithVerifiedEndpointAsync();
        harness.Jenkins.Jobs["platform/build"] = FakeJenkins.Job("platform/build");
        await harness.Api.CreateAsync(Objects.Task(), Ct);
        harness.Api.ConflictOnNextStatusReplace = true;

        var result = await ReconcileAsync(harness);

        Assert.Empty(harness.Jenkins.Triggers);
        Assert.IsType<ReconcileResult.AfterResult>(result);
        Assert.Null((await harness.GetAsync<CiTask>(Harness.TaskKey))!.Status?.CurrentRun);
    }

    private static async Task RunToTheEndAsync(Harness harness)
    {
        await ReconcileAsync(harness);
        await ReconcileAsync(harness);
        harness.Jenkins.StartQueued(harness.Time.GetUtcNow());
        harness.Jenkins.FinishBuilds(BuildResults.Success);
        await ReconcileAsync(harness);
        await ReconcileAsync(harness);
        Assert.Equal(CiTaskPhases.Succeeded, (await harness.GetAsync<CiTask>(Harness.TaskKey))!.Status!.Phase);
    }

    private static Task<ReconcileResult> ReconcileAsync(Harness harness) => harness.Tasks.ReconcileAsync(Harness.TaskKey, Ct).AsTask();
}
