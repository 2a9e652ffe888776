using CiBridge.Entities.CiTasks;
using CiBridge.Entities.Validation;
using CiBridge.Jenkins;
using CiBridge.Jenkins.Models;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Operator.Controllers.Shared;

namespace CiBridge.Operator.Controllers.Tasks;

/// <summary>What starting a run did.</summary>
internal enum StartOutcome
{
    /// <summary>Jenkins queued it (or we found the build an earlier attempt queued).</summary>
    Queued,

    /// <summary>Jenkins folded it into another CiTask's queued request; trigger again soon.</summary>
    Coalesced,

    /// <summary>A fresh read showed no run is due after all (the cache was behind).</summary>
    NotDue,
}

/// <summary>
/// Starts a run exactly once (java-operator-sdk's "persist allocated ids"): the intended run is
/// written to status before the trigger, so a crash or a lost response leaves a record that the
/// next reconcile resolves by looking for the build instead of triggering again.
/// </summary>
internal sealed class RunStarter(IKubernetesClient api, StatusWriter statusWriter, QueueClaims claims, TimeProvider time)
{
    public async Task<(CiTask Working, CiTask? Written, StartOutcome Outcome)> StartAsync(
        CiTask working, IJenkinsClient client, JenkinsJob job, ResolvedParameters parameters, RunPlan plan, CancellationToken ct)
    {
        var key = ObjectKey.Of(working);
        var fresh = await api.GetAsync<CiTask>(key, ct);
        if (fresh is null || !plan.StillHolds(fresh, time.GetUtcNow()))
        {
            return (working, null, StartOutcome.NotDue);
        }
        var intended = Copy(fresh);
        var run = plan.Resume ? intended.Status!.CurrentRun! : RunRecords.Begin(intended, plan.Attempt, time.GetUtcNow());
        if (plan.Reason.RequestValue is not null) intended.Status!.LastHandledRunRequest = plan.Reason.RequestValue;
        var written = await statusWriter.ReplaceGuardedAsync(intended, ct);
        Metrics.OperatorMetrics.RunStarted();
        intended = Copy(written);
        run = intended.Status!.CurrentRun!;

        var runId = job.HasParameter(CiTaskValidator.RunIdParameter) ? run.RunId : null;
        // Only a resumed run may have reached Jenkins already; a new one has nothing to look for.
        var location = plan.Resume && runId is not null ? await client.FindRunAsync(job.FullName, CiTaskValidator.RunIdParameter, runId, ct) : null;
        if (location is not null)
        {
            run.QueueItemId = location.QueueItemId;
            run.BuildNumber = location.Build?.Number;
        }
        else
        {
            var triggered = await client.TriggerAsync(new TriggerRequest(job.FullName, parameters.Values, runId), ct);
            if (!claims.TryClaim(EndpointOf(intended), job.FullName, triggered.QueueItemId, key)) return (intended, written, StartOutcome.Coalesced);
            run.QueueItemId = triggered.QueueItemId;
            run.BuildNumber = triggered.BuildNumber;
        }
        return (intended, written, StartOutcome.Queued);
    }

    public static string EndpointOf(CiTask task) => $"{task.Metadata.Namespace}/{task.Spec.EndpointRef.Name}";

    /// <summary>A run recorded before its trigger and not yet matched to a queue item or build.</summary>
    public static bool IsPendingIntent(CiTaskRun? run) =>
        run is { QueueItemId: null, BuildNumber: null, Result: null };

    private CiTask Copy(CiTask task) => statusWriter.Copy(task);
}
