using CiBridge.Entities.CiTasks;
using CiBridge.Entities.Validation;
using CiBridge.Jenkins.Models;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Operator.Controllers.Shared;
using CiBridge.Operator.Metrics;

namespace CiBridge.Operator.Controllers.Tasks;

/// <summary>
/// Starts a run exactly once (java-operator-sdk's "persist allocated ids"): the intended run is
/// written to status before the trigger, guarded by the resourceVersion the decision was made on, so a
/// stale cache or a second writer gets a 409 instead of a second trigger, and a crash or a lost
/// response leaves a record that the next reconcile resolves (<see cref="TriggerRecovery"/>) before
/// it triggers again.
/// </summary>
internal sealed class RunStarter(IKubernetesClient api, QueueClaims claims, TriggerRecovery recovery, OperatorMetrics metrics, TimeProvider time)
{
    /// <summary>How soon to trigger again after Jenkins folded our trigger into another CiTask's queue item.</summary>
    public static readonly TimeSpan CoalescedRetry = TimeSpan.FromSeconds(2);

    public async Task<Outcome> StartAsync(TaskReconcile r, CancellationToken ct)
    {
        var (plan, job) = (r.Plan!, r.Job!);
        var key = ObjectKey.Of(r.Task);
        // A new run is recorded guarded by the resourceVersion of the object this reconcile started
        // from: if anything wrote to the CiTask since (our own last write still on its way to the
        // cache, a spec change), the write fails with 409 and nothing is triggered, so no read is
        // needed first. A recorded run is resumed from a fresh read: the search it starts must see
        // what an earlier process may have written since.
        // The writes before a trigger go ahead of the status writes of runs merely being followed (docs/performance.md).
        using var ahead = RequestPriority.Ahead();
        var fresh = plan.Resume ? await api.GetAsync<CiTask>(key, ct) : r.Status.Copy(r.Status.Original);
        if (fresh is null) return Outcome.Done;
        // The job and the parameter values were resolved from the cached spec: a newer spec must not be triggered with them.
        if (fresh.Metadata.Generation != r.Task.Metadata.Generation || !plan.StillHolds(fresh, time.GetUtcNow()))
        {
            // The cache was behind (typically our own last write had not arrived): go on from the fresh read.
            r.Status.Rebase(fresh);
            return Outcome.After(TaskSteps.Soon);
        }
        if (plan.Resume && await ResumeAsync(r, fresh, ct) is { } resumed) return resumed;
        plan = plan.WhenNotFound(fresh);
        if (!await RecordIntentAsync(r.Status, fresh, plan, ct)) return Outcome.After(TaskSteps.Soon);
        metrics.RunStarted();

        var run = r.Task.Status!.CurrentRun!;
        var runId = job.HasParameter(CiTaskValidator.RunIdParameter) ? run.RunId : null;
        TriggerResult triggered;
        try
        {
            triggered = await r.Client!.TriggerAsync(new TriggerRequest(job.FullName, r.Parameters!.Values, runId) { Job = job }, ct);
        }
        catch (Jenkins.Errors.JenkinsException e) when (e.OutcomeUnknown)
        {
            recovery.NoteUnanswered(key, run.RunId);
            throw;
        }
        if (await recovery.IsRecordedAsync(r.Task, job.FullName, triggered.QueueItemId, ct) || !claims.TryClaim(EndpointOf(r.Task), job.FullName, triggered.QueueItemId, key))
        {
            recovery.NoteFolded(key, run.RunId);
            return Outcome.After(CoalescedRetry);
        }
        run.QueueItemId = triggered.QueueItemId;
        run.BuildNumber = triggered.BuildNumber;
        return Outcome.After(PollInterval.Minimum);
    }

    public static string EndpointOf(CiTask task) => TaskEndpoints.EndpointOf(task);

    /// <summary>A run recorded before its trigger and not yet matched to a queue item or build.</summary>
    public static bool IsPendingIntent(CiTaskRun? run) =>
        run is { QueueItemId: null, BuildNumber: null, Result: null };

    /// <summary>A recorded run that may have reached Jenkins: adopt what it left, or wait while it may still show up; null: trigger again.</summary>
    private async Task<Outcome?> ResumeAsync(TaskReconcile r, CiTask fresh, CancellationToken ct)
    {
        var earlier = await recovery.LookAsync(r, fresh, ct);
        if (earlier.LookAgainIn is { } wait) return Outcome.After(wait);
        if (!earlier.IsFound) return null;
        r.Status.Rebase(fresh);
        var run = r.Task.Status!.CurrentRun!;
        run.QueueItemId = earlier.QueueItemId;
        run.BuildNumber = earlier.BuildNumber;
        return Outcome.After(PollInterval.Minimum);
    }

    /// <summary>False when another writer changed the CiTask since the fresh read (409): nothing is triggered.</summary>
    private async Task<bool> RecordIntentAsync(StatusScope<CiTask> status, CiTask fresh, RunPlan plan, CancellationToken ct)
    {
        var intended = status.Copy(fresh);
        var revision = Revisions.RunRevision.For(intended, plan);
        if (!plan.Resume) RunRecords.Begin(intended, plan.Attempt, time.GetUtcNow());
        // Triggering a recorded run again: its trigger time (timeout, search window) starts anew.
        else intended.Status!.CurrentRun!.TriggerTime = Kubernetes.Models.KubernetesTimeConverter.Truncate(time.GetUtcNow());
        if (plan.Reason.RequestValue is { } request) intended.Status!.LastHandledRunRequest = request;
        Revisions.RunRevision.Record(intended, plan, revision);
        // The endpoint the run is triggered on; it is followed there to its end (docs/operator.md).
        intended.Status!.Endpoint = status.Working.Status?.Endpoint ?? intended.Status.Endpoint;
        try
        {
            await status.WriteIntentAsync(intended, Outcome.Continue, ct);
            return true;
        }
        catch (ApiException e) when (e.IsConflict)
        {
            return false;
        }
    }
}
