using CiBridge.Entities;
using CiBridge.Entities.CiTasks;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Helpers;
using CiBridge.Operator.Controllers.Shared;

namespace CiBridge.Operator.Controllers.Tasks;

/// <summary>
/// Runs a CiTask's job once per distinct spec and follows the build: get →
/// deletion first → finalizer → steps → summarize → one status write if anything changed.
/// </summary>
internal sealed class CiTaskReconciler(
    IKubernetesReader cache,
    TaskSteps steps,
    TaskCleanup cleanup,
    IKubernetesWriter writer,
    StatusWriter statusWriter,
    TaskContext context) : IReconciler
{
    public async ValueTask<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken ct)
    {
        var task = await cache.GetAsync<CiTask>(key, ct);
        if (task is null)
        {
            context.Claims.Release(key);
            return ReconcileResult.Done;
        }
        if (task.Metadata.DeletionTimestamp is not null) return await cleanup.RunAsync(task, ct);
        if (await writer.EnsureFinalizerAsync(statusWriter.Copy(task), CiBridgeApi.Finalizer, ct)) return ReconcileResult.Done;

        var working = statusWriter.Copy(task);
        var step = await steps.RunAsync(working, ct);
        working = step.Working ?? working;
        TaskStatusSummary.Apply(working, step.Failure, step.RetryPending, context.Time.GetUtcNow());
        await statusWriter.WriteIfChangedAsync(step.Written ?? task, working, ct);
        TaskEvents.Emit(context.Events, task, working);
        return step.Next;
    }
}
