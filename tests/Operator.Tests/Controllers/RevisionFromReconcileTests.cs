using CiBridge.Entities.CiTasks;
using CiBridge.Entities.Conditions;
using CiBridge.Jenkins.Models;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Models;
using CiBridge.Operator.Controllers.Revisions;
using CiBridge.Operator.Tests.Controllers.Support;

namespace CiBridge.Operator.Tests.Controllers;

/// <summary>The CiTask reconciler with spec.revisionFrom, against the in-memory API (no informer: sources are read directly).</summary>
public sealed class RevisionFromReconcileTests
{
    private static CancellationToken Ct => Harness.Ct;

    [Fact]
    public async Task MissingSource_RevisionSourceNotFound_RetriedWithoutTriggering()
    {
        var harness = await HarnessAsync();
        await harness.Api.CreateAsync(FromSource(), Ct);

        await ReconcileAsync(harness);
        var result = await ReconcileAsync(harness);

        var ready = Conditions.Find((await harness.GetAsync<CiTask>(Harness.TaskKey))!.Status!.Conditions, ConditionTypes.Ready)!;
        Assert.Equal((nameof(ConditionStatus.False), TaskReasons.RevisionSourceNotFound), (ready.Status, ready.Reason));
        Assert.StartsWith("GitRepository \"app-repo\" not found in namespace \"team-a\"", ready.Message, StringComparison.Ordinal);
        Assert.IsType<ReconcileResult.RetryResult>(result);
        Assert.Empty(harness.Jenkins.Triggers);
    }

    [Fact]
    public async Task SourceRevision_StartsOneRun_RecordsIt_AndSendsTheCommit()
    {
        var harness = await HarnessAsync();
        await PushAsync(harness, "main@sha1:2222222");
        await harness.Api.CreateAsync(FromSource(), Ct);

        await ReconcileAsync(harness);
        await ReconcileAsync(harness);
        harness.Jenkins.StartQueued(harness.Time.GetUtcNow());
        harness.Jenkins.FinishBuilds(BuildResults.Success, gitRevision: "2222222ffff");
        await ReconcileAsync(harness);
        await ReconcileAsync(harness);
        await ReconcileAsync(harness);

        var task = (await harness.GetAsync<CiTask>(Harness.TaskKey))!;
        var trigger = Assert.Single(harness.Jenkins.Triggers);
        Assert.Equal("2222222", trigger.Parameters!["CIBRIDGE_REVISION"]);
        Assert.Equal("main@sha1:2222222", task.Status!.LastHandledRevision);
        Assert.Equal(("2222222", "2222222ffff"), (task.Status.CurrentRun!.Revision, task.Status.CurrentRun.BuiltRevision));
    }

    [Fact]
    public async Task SourceWithoutARevisionYet_WaitsQuietly()
    {
        var harness = await HarnessAsync();
        await harness.Api.CreateAsync(new FluxGitRepository { Metadata = new ObjectMeta { Namespace = Objects.Namespace, Name = "app-repo" } }, Ct);
        await harness.Api.CreateAsync(FromSource(), Ct);

        await ReconcileAsync(harness);
        await ReconcileAsync(harness);

        var task = (await harness.GetAsync<CiTask>(Harness.TaskKey))!;
        Assert.Equal(nameof(ConditionStatus.Unknown), Conditions.Find(task.Status!.Conditions, ConditionTypes.Ready)!.Status);
        Assert.DoesNotContain(harness.Events.Recorded, e => e.Type == EventTypes.Warning);
        Assert.Empty(harness.Jenkins.Triggers);
    }

    private static async Task<Harness> HarnessAsync()
    {
        var harness = await new Harness().WithVerifiedEndpointAsync();
        harness.Jenkins.Jobs["platform/build"] = FakeJenkins.Job("platform/build", true, FakeJenkins.StringParameter("CIBRIDGE_REVISION"));
        return harness;
    }

    private static async Task PushAsync(Harness harness, string revision)
    {
        var key = new ObjectKey(Objects.Namespace, "app-repo");
        var repository = await harness.GetAsync<FluxGitRepository>(key)
            ?? await harness.Api.CreateAsync(new FluxGitRepository { Metadata = new ObjectMeta { Namespace = Objects.Namespace, Name = "app-repo" } }, Ct);
        repository.Status = new GitRepositoryStatus { Artifact = new FluxArtifact { Revision = revision } };
        await harness.Api.Status.ReplaceStatusAsync(repository, Ct);
    }

    private static CiTask FromSource()
    {
        var task = Objects.Task();
        task.Spec.Revision = null;
        task.Spec.RevisionFrom = new RevisionSource { Kind = RevisionSource.GitRepositoryKind, Name = "app-repo" };
        return task;
    }

    private static Task<ReconcileResult> ReconcileAsync(Harness harness) => harness.Tasks.ReconcileAsync(Harness.TaskKey, Ct).AsTask();
}
