using System.Collections.Concurrent;
using CiBridge.Entities;
using CiBridge.Entities.CiTasks;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Helpers;
using CiBridge.Kubernetes.Models;

namespace CiBridge.Operator.Controllers.Tasks;

/// <summary>
/// Deleting a CiTask: with <c>deletionPolicy: Abort</c> (the default) a build still queued or
/// running is cancelled or stopped first; with <c>Orphan</c> it is left alone. The finalizer is
/// removed in the end even when Jenkins stays unreachable: after <see cref="CleanupPolicy.MaxAttempts"/>
/// tries (about a minute by default) the operator gives up on the build and says so in an Event.
/// </summary>
internal sealed class TaskCleanup(TaskEndpoints endpoints, IKubernetesWriter writer, TaskContext context, CleanupPolicy policy)
{
    private readonly ConcurrentDictionary<string, int> _attempts = new();

    public async Task<ReconcileResult> RunAsync(CiTask task, CancellationToken ct)
    {
        if (!Finalizers.Has(task, CiBridgeApi.Finalizer)) return ReconcileResult.Done;
        var run = task.Status?.CurrentRun;
        var uid = task.Metadata.Uid ?? task.Metadata.Name!;
        if (RunDue.IsActive(run) && task.Spec.DeletionPolicy != DeletionPolicies.Orphan && !RunStarter.IsPendingIntent(run))
        {
            var error = await TryAbortAsync(task, run!, ct);
            if (error is not null)
            {
                var attempts = _attempts.AddOrUpdate(uid, 1, (_, n) => n + 1);
                if (attempts < policy.MaxAttempts) return ReconcileResult.After(policy.FirstRetry * (1 << (attempts - 1)));
                context.Events.Record(task, EventTypes.Warning, "CleanupAbandoned", $"gave up aborting {Describe(run!)} after {attempts} attempts ({error}); removing the finalizer");
            }
            else
            {
                context.Events.Record(task, EventTypes.Normal, "Aborted", $"aborted {Describe(run!)} because the CiTask is being deleted");
            }
        }
        await writer.RemoveFinalizerAsync(task, CiBridgeApi.Finalizer, ct);
        _attempts.TryRemove(uid, out _);
        context.Claims.Release(ObjectKey.Of(task));
        return ReconcileResult.Done;
    }

    private async Task<string?> TryAbortAsync(CiTask task, CiTaskRun run, CancellationToken ct)
    {
        var (client, problem) = await endpoints.ResolveAsync(task, ct);
        if (client is null) return problem.Message;
        try
        {
            var job = run.Job ?? task.Spec.Job;
            if (run.BuildNumber is { } number) await client.StopBuildAsync(job, (int)number, ct);
            else if (run.QueueItemId is { } item) await client.CancelQueueItemAsync(item, ct);
            return null;
        }
        catch (Jenkins.Errors.JenkinsException e)
        {
            return e.Message;
        }
    }

    private static string Describe(CiTaskRun run) =>
        run.BuildNumber is { } n ? $"build #{n} of {run.Job}" : $"queue item {run.QueueItemId} of {run.Job}";
}

/// <summary>How hard deletion tries to abort a build before giving up.</summary>
/// <param name="MaxAttempts">Tries before the finalizer is removed anyway.</param>
/// <param name="FirstRetry">Delay after the first failed try; it doubles after each one.</param>
internal sealed record CleanupPolicy(int MaxAttempts, TimeSpan FirstRetry)
{
    /// <summary>5 tries, 4 s apart doubling: about a minute.</summary>
    public static CleanupPolicy Default { get; } = new(5, TimeSpan.FromSeconds(4));
}
