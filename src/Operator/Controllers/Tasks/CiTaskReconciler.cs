using CiBridge.Entities;
using CiBridge.Entities.CiTasks;
using CiBridge.Entities.Conditions;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Helpers;
using CiBridge.Operator.Controllers.Shared;

namespace CiBridge.Operator.Controllers.Tasks;

/// <summary>
/// Runs a CiTask's job once per distinct spec and follows the build: get → deletion first →
/// finalizer → the steps of <see cref="TaskSteps"/> inside a status scope that summarizes and
/// patches once → the outcome as the work queue's result.
/// </summary>
internal sealed class CiTaskReconciler(
    IKubernetesReader cache,
    TaskSteps steps,
    TaskCleanup cleanup,
    IKubernetesWriter writer,
    StatusWriter statusWriter,
    TaskContext context) : IReconciler
{
    private readonly StatusRules<CiTask> _rules = new(TaskStatusSummary.Apply, (before, after) =>
    {
        TaskEvents.Emit(context.Events, before, after);
        context.Revisions.AnnounceSkipped(context.Events, before, after);
    });

    public async ValueTask<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken ct)
    {
        var task = await cache.GetAsync<CiTask>(key, ct);
        if (task is null)
        {
            context.Claims.Release(key);
            context.Revisions.Forget(key);
            return ReconcileResult.Done;
        }
        if (task.Metadata.DeletionTimestamp is not null) return await cleanup.RunAsync(task, ct);
        // Goes on with the object as written: waiting for the finalizer's watch event first would put
        // a round trip through the API server's watch before every new CiTask's first trigger.
        var current = statusWriter.Copy(task);
        // A new CiTask's first write: ahead of the status writes of runs merely being followed (docs/performance.md).
        using (RequestPriority.Ahead()) await writer.EnsureFinalizerAsync(current, CiBridgeApi.Finalizer, ct);

        var status = statusWriter.Begin(current, _rules);
        var outcome = await status.RunAsync(c => Steps.RunAsync(steps.All, new TaskReconcile(status), c), TaskReasons.ReconciliationFailed, ct);
        return outcome.ToResult();
    }
}
