using CiBridge.Entities.CiTasks;
using CiBridge.Entities.Conditions;
using CiBridge.Kubernetes.Models;
using CiBridge.Operator.Controllers.Shared;

namespace CiBridge.Operator.Controllers.Tasks;

/// <summary>
/// Summarizes a CiTask's status after a reconcile, per the status contract: <c>Succeeded</c> tells
/// the current run (Unknown while it is under way), <c>Ready</c> whether the task is done and
/// healthy, <c>Reconciling</c> and <c>Stalled</c> only when True, and <c>phase</c> in one word.
/// </summary>
internal static class TaskStatusSummary
{
    public static void Apply(CiTask task, Failure? failure, bool retryPending, DateTimeOffset now)
    {
        var status = task.Status ??= new CiTaskStatus();
        var conditions = status.Conditions ??= [];
        var generation = task.Metadata.Generation;
        status.ObservedGeneration = generation;
        var run = status.CurrentRun;
        var blocked = failure is not null && (run is null || RunDue.Check(task) is not null) && !RunDue.IsActive(run);
        var verdict = blocked || run is null
            ? new RunVerdict(failure?.Stalled == true ? "False" : "Unknown", failure?.Reason ?? TaskReasons.Pending,
                failure?.Stalled == true ? CiTaskPhases.Failed : CiTaskPhases.Pending, failure?.Message ?? "waiting for the first run")
            : RunVerdict.Of(task, run);
        if (retryPending && !blocked)
        {
            verdict = verdict with { Status = "Unknown", Reason = TaskReasons.ToBeRetried, Phase = CiTaskPhases.Retrying, Message = $"{verdict.Message}; retrying (attempt {(run?.Attempt ?? 1) + 1} of {(task.Spec.Retries ?? 0) + 1})" };
        }
        status.Phase = verdict.Phase;
        Set(conditions, ConditionTypes.Succeeded, verdict.Status, verdict.Reason, verdict.Message, generation, now);

        var (readyStatus, readyReason, readyMessage) = failure is not null
            ? ("False", failure.Reason, failure.Message)
            : verdict.Status switch { "True" => ("True", verdict.Reason, verdict.Message), "False" => ("False", verdict.Reason, verdict.Message), _ => ("Unknown", verdict.Reason, verdict.Message) };
        Set(conditions, ConditionTypes.Ready, readyStatus, readyReason, readyMessage, generation, now);
        Toggle(conditions, ConditionTypes.Reconciling, readyStatus == "Unknown", verdict.Reason, verdict.Message, generation, now);
        Toggle(conditions, ConditionTypes.Stalled, failure?.Stalled == true, failure?.Reason ?? "", failure?.Message ?? "", generation, now);
    }

    private static void Toggle(List<Condition> conditions, string type, bool on, string reason, string message, long? generation, DateTimeOffset now)
    {
        if (on) Set(conditions, type, ConditionStatus.True, reason, message, generation, now);
        else Kubernetes.Models.Conditions.Remove(conditions, type);
    }

    private static void Set(List<Condition> conditions, string type, string status, string reason, string message, long? generation, DateTimeOffset now) =>
        Kubernetes.Models.Conditions.Set(conditions, new Condition { Type = type, Status = status, Reason = reason, Message = message, ObservedGeneration = generation }, now);
}
