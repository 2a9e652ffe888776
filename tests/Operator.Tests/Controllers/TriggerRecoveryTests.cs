using CiBridge.Entities.CiTasks;
using CiBridge.Jenkins.Models;
using CiBridge.Operator.Controllers.Tasks;
using CiBridge.Operator.Tests.Controllers.Support;

namespace CiBridge.Operator.Tests.Controllers;

/// <summary>
/// A run whose trigger may have reached Jenkins, on a job without CIBRIDGE_RUN_ID: it adopts the
/// item its trigger left, never one another run owns, and triggers again only after the search window.
/// </summary>
public sealed class TriggerRecoveryTests
{
    private const string Job = "platform/build";

    private static CancellationToken Ct => Harness.Ct;

    [Fact]
    public async Task AnswerLostAfterJenkinsQueuedTheTrigger_TheQueuedItemIsAdopted_AndNothingIsTriggeredAgain()
    {
        var harness = await HarnessAsync();
        await harness.Api.CreateAsync(WithBranch(Objects.Task()), Ct);
        await ReconcileAsync(harness);
        harness.Jenkins.LoseNextTriggerAnswer = true;

        await ReconcileAsync(harness);                                   // records the run, triggers, the answer is lost
        var lost = (await harness.GetAsync<CiTask>(Harness.TaskKey))!.Status!.CurrentRun!;
        harness.Time.Advance(TimeSpan.FromMilliseconds(140));
        await ReconcileAsync(harness);                                   // looks before triggering again

        var run = (await harness.GetAsync<CiTask>(Harness.TaskKey))!.Status!.CurrentRun!;
        Assert.Null(lost.QueueItemId);
        Assert.Single(harness.Jenkins.Triggers);
        Assert.Equal(harness.Jenkins.Recorded.Single().QueueItemId, run.QueueItemId);
    }

    [Fact]
    public async Task TriggerThatTimedOutWithoutATrace_IsTriggeredAgainOnlyAWindowAfterTheTimeout()
    {
        var harness = await HarnessAsync();
        await harness.Api.CreateAsync(WithBranch(Objects.Task()), Ct);
        await ReconcileAsync(harness);
        (harness.Jenkins.LoseNextTriggerAnswer, harness.Jenkins.LostTriggerQueued) = (true, false);
        harness.Jenkins.DuringTrigger = () => harness.Time.Advance(TimeSpan.FromSeconds(30));

        await ReconcileAsync(harness);                                   // no answer within 30 s, nothing in Jenkins
        harness.Jenkins.DuringTrigger = null;
        await ReconcileAsync(harness);
        var beforeTheWindow = harness.Jenkins.Triggers.Count;
        harness.Time.Advance(TriggerRecovery.SearchWindow);
        await ReconcileAsync(harness);

        Assert.Equal(0, beforeTheWindow);
        Assert.Single(harness.Jenkins.Triggers);
        Assert.NotNull((await harness.GetAsync<CiTask>(Harness.TaskKey))!.Status!.CurrentRun!.QueueItemId);
    }

    [Fact]
    public async Task TwinItemOwnedByAnotherTask_IsNotAdopted_AndTheRunIsTriggeredAgainOnlyAfterTheWindow()
    {
        var harness = await HarnessAsync();
        var now = harness.Time.GetUtcNow();
        harness.Jenkins.Recorded.Add(Candidate(500, now));
        var twin = WithBranch(Objects.Task("twin")).WithRun(queueItem: 500);
        twin.Metadata.Uid = "fedcba9876543210";
        await CreateWithStatusAsync(harness, twin);
        await CreateWithStatusAsync(harness, PendingIntent(WithBranch(Objects.Task()), now));
        await ReconcileAsync(harness);

        var waiting = await ReconcileAsync(harness);
        harness.Time.Advance(TriggerRecovery.SearchWindow);
        await ReconcileAsync(harness);

        var run = (await harness.GetAsync<CiTask>(Harness.TaskKey))!.Status!.CurrentRun!;
        Assert.IsType<Kubernetes.Controllers.ReconcileResult.AfterResult>(waiting);
        Assert.Single(harness.Jenkins.Triggers);
        Assert.NotNull(run.QueueItemId);
        Assert.NotEqual(500, run.QueueItemId);
    }

    [Fact]
    public async Task ItemOfThisTasksEarlierRun_IsNotAdopted()
    {
        var harness = await HarnessAsync();
        var now = harness.Time.GetUtcNow();
        harness.Jenkins.Recorded.Add(Candidate(500, now));
        var task = WithBranch(Objects.Task()).WithRun(queueItem: 500, build: 1, result: BuildResults.Success, completed: now);
        task.Status!.History = [task.Status.CurrentRun!];
        await CreateWithStatusAsync(harness, PendingIntent(task, now));
        await ReconcileAsync(harness);

        await ReconcileAsync(harness);

        var run = (await harness.GetAsync<CiTask>(Harness.TaskKey))!.Status!.CurrentRun!;
        Assert.Null(run.QueueItemId);
        Assert.Empty(harness.Jenkins.Triggers);
    }

    [Fact]
    public async Task UnclaimedMatchingItem_IsAdoptedAfterARestartBetweenIntentAndQueueItem()
    {
        var harness = await HarnessAsync();
        var now = harness.Time.GetUtcNow();
        harness.Jenkins.Recorded.Add(Candidate(500, now.AddSeconds(-5)));
        await CreateWithStatusAsync(harness, PendingIntent(WithBranch(Objects.Task()), now));
        await ReconcileAsync(harness);

        await ReconcileAsync(harness);

        Assert.Equal(500, (await harness.GetAsync<CiTask>(Harness.TaskKey))!.Status!.CurrentRun!.QueueItemId);
        Assert.Empty(harness.Jenkins.Triggers);
    }

    [Fact]
    public async Task NothingFound_WaitsOutTheWindow_ThenTriggersOnce()
    {
        var harness = await HarnessAsync();
        var now = harness.Time.GetUtcNow();
        await CreateWithStatusAsync(harness, PendingIntent(WithBranch(Objects.Task()), now));
        await ReconcileAsync(harness);

        for (var waited = TimeSpan.Zero; waited < TriggerRecovery.SearchWindow; waited += TriggerRecovery.LookAgain)
        {
            await ReconcileAsync(harness);
            Assert.Empty(harness.Jenkins.Triggers);
            harness.Time.Advance(TriggerRecovery.LookAgain);
        }
        await ReconcileAsync(harness);

        Assert.Single(harness.Jenkins.Triggers);
        Assert.NotNull((await harness.GetAsync<CiTask>(Harness.TaskKey))!.Status!.CurrentRun!.QueueItemId);
    }

    [Fact]
    public async Task RunRecordedForAnEarlierSpec_IsNotTriggeredWithTheNewValues_TheNewSpecGetsOneRunOfItsOwn()
    {
        var harness = await HarnessAsync();
        var now = harness.Time.GetUtcNow();
        harness.Jenkins.Recorded.Add(Candidate(500, now));              // the recorded run's trigger reached Jenkins
        await CreateWithStatusAsync(harness, PendingIntent(WithBranch(Objects.Task()), now));
        var revised = (await harness.GetAsync<CiTask>(Harness.TaskKey))!;
        (revised.Spec.Revision, revised.Spec.Parameters![0].Value) = ("9d8e7f6", "feature");
        await harness.Api.ReplaceAsync(revised, Ct);                     // the spec changed before the operator came back

        for (var waited = TimeSpan.Zero; waited <= TriggerRecovery.SearchWindow; waited += TriggerRecovery.LookAgain)
        {
            await ReconcileAsync(harness);
            harness.Time.Advance(TriggerRecovery.LookAgain);
        }
        harness.Jenkins.StartQueued(harness.Time.GetUtcNow());
        harness.Jenkins.FinishBuilds(BuildResults.Success);
        for (var i = 0; i < 4; i++) await ReconcileAsync(harness);

        var status = (await harness.GetAsync<CiTask>(Harness.TaskKey))!.Status!;
        Assert.Equal(["feature"], harness.Jenkins.Triggers.Select(t => t.Parameters!["BRANCH"]));
        Assert.Equal((2L, "9d8e7f6", BuildResults.Success), (status.CurrentRun!.Generation!.Value, status.CurrentRun.Revision!, status.CurrentRun.Result!));
        Assert.Equal(("01234567-1", (long?)null), (status.History!.Single().RunId!, status.History![0].QueueItemId));
    }

    [Fact]
    public async Task CacheBehindASpecChange_NothingIsTriggeredWithTheOldValues_UntilItCatchesUp()
    {
        var harness = await HarnessAsync();
        await CreateWithStatusAsync(harness, PendingIntent(WithBranch(Objects.Task()), harness.Time.GetUtcNow()));
        await ReconcileAsync(harness);                                   // the finalizer
        var cached = (await harness.GetAsync<CiTask>(Harness.TaskKey))!;
        harness.Cache.HoldBack(cached);
        var revised = (await harness.GetAsync<CiTask>(Harness.TaskKey))!;
        revised.Spec.Parameters![0].Value = "feature";
        await harness.Api.ReplaceAsync(revised, Ct);                     // the watch has not brought this version yet

        for (var waited = TimeSpan.Zero; waited <= TriggerRecovery.SearchWindow; waited += TriggerRecovery.LookAgain)
        {
            await ReconcileAsync(harness);
            harness.Time.Advance(TriggerRecovery.LookAgain);
        }
        var whileBehind = harness.Jenkins.Triggers.Count;
        harness.Cache.CatchUp();
        await ReconcileAsync(harness);

        Assert.Equal(0, whileBehind);
        Assert.Equal(["feature"], harness.Jenkins.Triggers.Select(t => t.Parameters!["BRANCH"]));
        Assert.Equal(2, (await harness.GetAsync<CiTask>(Harness.TaskKey))!.Status!.CurrentRun!.Generation);
    }

    /// <summary>A restarted operator's claims are empty; the twin's status still names its item.</summary>
    [Fact]
    public async Task TriggerFoldedIntoAnItemATwinRecordedBeforeARestart_IsNotAdopted_AndTriggeredAgain()
    {
        var harness = await HarnessAsync();
        var twin = WithBranch(Objects.Task("twin")).WithRun(queueItem: 500);
        twin.Metadata.Uid = "fedcba9876543210";
        await CreateWithStatusAsync(harness, twin);
        await harness.Api.CreateAsync(WithBranch(Objects.Task()), Ct);
        await ReconcileAsync(harness);
        harness.Jenkins.FoldNextTriggerInto = 500;

        await ReconcileAsync(harness);                                   // Jenkins answers with the twin's queued item
        harness.Time.Advance(RunStarter.CoalescedRetry);
        await ReconcileAsync(harness);

        var run = (await harness.GetAsync<CiTask>(Harness.TaskKey))!.Status!.CurrentRun!;
        Assert.Equal(2, harness.Jenkins.Triggers.Count);
        Assert.NotNull(run.QueueItemId);
        Assert.NotEqual(500, run.QueueItemId);
    }

    private static async Task<Harness> HarnessAsync()
    {
        var harness = await new Harness().WithVerifiedEndpointAsync();
        harness.Jenkins.Jobs[Job] = FakeJenkins.Job(Job, parameters: FakeJenkins.StringParameter("BRANCH"));
        harness.Jenkins.Now = harness.Time.GetUtcNow;
        return harness;
    }

    /// <summary>Creates the task and writes its status, as the operator would have before a restart.</summary>
    private static async Task CreateWithStatusAsync(Harness harness, CiTask task)
    {
        var created = await harness.Api.CreateAsync(task, Ct);
        created.Status = task.Status;
        await harness.Api.Status.ReplaceStatusAsync(created, Ct);
    }

    private static CiTask WithBranch(CiTask task)
    {
        task.Spec.Parameters = [new TaskParameter { Name = "BRANCH", Value = "main" }];
        return task;
    }

    /// <summary>The run was recorded and the operator stopped before it wrote a queue item.</summary>
    private static CiTask PendingIntent(CiTask task, DateTimeOffset at)
    {
        var previous = task.Status?.CurrentRun;
        task.WithRun();
        task.Status!.CurrentRun!.RunId = previous is null ? "01234567-1" : "01234567-2";
        task.Status.CurrentRun.TriggerTime = at;
        return task;
    }

    private static TriggeredRun Candidate(long id, DateTimeOffset since) =>
        new(id, null, since, ["robot"], new Dictionary<string, string?> { ["BRANCH"] = "main" });

    private static Task<Kubernetes.Controllers.ReconcileResult> ReconcileAsync(Harness harness) => harness.Tasks.ReconcileAsync(Harness.TaskKey, Ct).AsTask();
}
