using CiBridge.Entities.CiTasks;
using CiBridge.Entities.Conditions;
using CiBridge.Jenkins.Models;
using CiBridge.Kubernetes.Models;

namespace CiBridge.Operator.Controllers.Tasks;

/// <summary>What a run's state means for the Succeeded condition.</summary>
internal sealed record RunVerdict(ConditionStatus Status, string Reason, string Phase, string Message)
{
    /// <summary>The verdict of a run as recorded on status.</summary>
    public static RunVerdict Of(CiTask task, CiTaskRun run)
    {
        var build = run.BuildNumber is { } n ? $"build #{n}" : $"queue item {run.QueueItemId}";
        if (run.Result is null)
        {
            return run switch
            {
                { BuildNumber: not null } => new(ConditionStatus.Unknown, TaskReasons.Running, CiTaskPhases.Running, $"{build} of {run.Job} is running"),
                { QueueItemId: not null } => new(ConditionStatus.Unknown, TaskReasons.Queued, CiTaskPhases.Queued, $"{build} for {run.Job} is waiting in the Jenkins queue"),
                _ => new(ConditionStatus.Unknown, TaskReasons.Pending, CiTaskPhases.Pending, $"run {run.RunId} of {run.Job} is being triggered"),
            };
        }
        var reason = ReasonOf(task, run);
        var message = $"{build} of {run.Job} finished: {run.Result}" + (run.Duration is { } d ? $" after {d}" : "");
        return reason == TaskReasons.Succeeded
            ? new(ConditionStatus.True, reason, CiTaskPhases.Succeeded, message)
            : new(ConditionStatus.False, reason, CiTaskPhases.Failed, reason == TaskReasons.TimedOut ? $"{message} (spec.timeout {task.Spec.Timeout} exceeded)" : message);
    }

    private static string ReasonOf(CiTask task, CiTaskRun run) => run.Result switch
    {
        BuildResults.Success => TaskReasons.Succeeded,
        BuildResults.Unstable => TaskReasons.Unstable,
        BuildResults.NotBuilt => TaskReasons.NotBuilt,
        BuildResults.Aborted when run.CompletionTime is { } end && RunFollower.TimedOut(task, run, end) => TaskReasons.TimedOut,
        BuildResults.Aborted => TaskReasons.Aborted,
        _ => TaskReasons.Failed,
    };

    /// <summary>Whether spec.retries allows another attempt of a run with this verdict.</summary>
    public bool Retryable => Reason is TaskReasons.Failed or TaskReasons.TimedOut;
}
