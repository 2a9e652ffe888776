using CiBridge.Entities;
using CiBridge.Entities.CiTasks;

namespace CiBridge.Operator.Controllers.Tasks;

/// <summary>
/// Decides whether a CiTask owes a run: its generation has not run yet, or the
/// <c>cibridge.dev/run-requested-at</c> annotation holds a value not handled yet. Re-applying the
/// same manifest changes neither, so it starts nothing. A long request value is compared in the
/// shortened form the status records. A task with <c>spec.revisionFrom</c> also owes a run for each
/// revision its source reports that <c>status.lastHandledRevision</c> does not hold yet.
/// </summary>
internal static class RunDue
{
    /// <summary>Why a run is due, or null.</summary>
    /// <param name="task">The task.</param>
    /// <param name="source">The revision <c>spec.revisionFrom</c> reports now; null when the task has none or it is unknown.</param>
    public static RunReason? Check(CiTask task, Revisions.SourceRevision? source = null)
    {
        var status = task.Status;
        var generation = task.Metadata.Generation ?? 0;
        var ranGeneration = status?.CurrentRun?.Generation;
        if (ranGeneration is null || ranGeneration < generation) return new RunReason(null, source);
        if (source is not null && CiTaskStatusFit.HandledRevision(source.Reported) != status?.LastHandledRevision) return new RunReason(null, source);
        var requested = task.Metadata.Annotations?.GetValueOrDefault(CiBridgeApi.RunRequestedAtAnnotation);
        if (!string.IsNullOrEmpty(requested) && CiTaskStatusFit.HandledRequest(requested) != status?.LastHandledRunRequest) return new RunReason(requested, source);
        return null;
    }

    /// <summary>The run still needs following: recorded, not finished.</summary>
    public static bool IsActive(CiTaskRun? run) => run is not null && run.Result is null;
}

/// <summary>
/// A run is due; <see cref="RequestValue"/> is the annotation value it handles, if it was asked
/// for, and <see cref="Source"/> the source revision it runs (and marks handled), if any.
/// </summary>
internal sealed record RunReason(string? RequestValue, Revisions.SourceRevision? Source = null);
