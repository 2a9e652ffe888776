using CiBridge.Entities;
using CiBridge.Entities.CiTasks;

namespace CiBridge.Operator.Controllers.Tasks;

/// <summary>
/// Decides whether a CiTask owes a run: its generation has not run yet, or the
/// <c>cibridge.dev/run-requested-at</c> annotation holds a value not handled yet. Re-applying the
/// same manifest changes neither, so it starts nothing. A long request value is compared in the
/// shortened form the status records.
/// </summary>
internal static class RunDue
{
    /// <summary>Why a run is due, or null.</summary>
    public static RunReason? Check(CiTask task)
    {
        var status = task.Status;
        var generation = task.Metadata.Generation ?? 0;
        var ranGeneration = status?.CurrentRun?.Generation;
        if (ranGeneration is null || ranGeneration < generation) return new RunReason(null);
        var requested = task.Metadata.Annotations?.GetValueOrDefault(CiBridgeApi.RunRequestedAtAnnotation);
        if (!string.IsNullOrEmpty(requested) && CiTaskStatusFit.HandledRequest(requested) != status?.LastHandledRunRequest) return new RunReason(requested);
        return null;
    }

    /// <summary>The run still needs following: recorded, not finished.</summary>
    public static bool IsActive(CiTaskRun? run) => run is not null && run.Result is null;
}

/// <summary>A run is due; <see cref="RequestValue"/> is the annotation value it handles, if it was asked for.</summary>
internal sealed record RunReason(string? RequestValue);
