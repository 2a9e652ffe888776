using CiBridge.Entities.CiTasks;
using CiBridge.Entities.Conditions;
using CiBridge.Kubernetes.Models;
using CiBridge.Operator.Controllers.Shared;

namespace CiBridge.Operator.Controllers.Tasks;

/// <summary>
/// The CiTask summary function: from the recorded run and the reconcile's outcome it derives
/// <c>Succeeded</c> (the current run; Unknown while it is under way), <c>Ready</c> (done and
/// healthy), <c>Reconciling</c> (present while Ready is Unknown), <c>Stalled</c> (present when
/// only the user can help) and <c>phase</c> in one word.
/// </summary>
internal static class TaskStatusSummary
{
    public static void Apply(CiTask task, Outcome outcome, DateTimeOffset now)
    {
        var status = task.Status ??= new CiTaskStatus();
        var conditions = status.Conditions ??= [];
        var generation = task.Metadata.Generation;
        status.ObservedGeneration = generation;
        var verdict = Verdict(task, outcome, now);
        status.Phase = verdict.Phase;
        Conditions.Set(conditions, ConditionTypes.Succeeded, verdict.Status, verdict.Reason, verdict.Message, generation, now);

        var ready = outcome.IsProblem ? new RunVerdict(ConditionStatus.False, outcome.Reason, verdict.Phase, outcome.Message) : verdict;
        Conditions.Set(conditions, ConditionTypes.Ready, ready.Status, ready.Reason, ready.Message, generation, now);
        Conditions.SetOrRemove(conditions, ConditionTypes.Reconciling, ready.Status == ConditionStatus.Unknown, verdict.Reason, verdict.Message, generation, now);
        Conditions.SetOrRemove(conditions, ConditionTypes.Stalled, outcome.Kind == OutcomeKind.Stalled, outcome.Reason, outcome.Message, generation, now);
        CiTaskStatusFit.Apply(status);
    }

    /// <summary>What <c>Succeeded</c> says: the run on record, unless something keeps a due run from starting.</summary>
    private static RunVerdict Verdict(CiTask task, Outcome outcome, DateTimeOffset now)
    {
        var run = task.Status?.CurrentRun;
        var holdsUp = outcome.IsProblem || outcome.Kind == OutcomeKind.Waiting;
        var blocked = holdsUp && (run is null || RunDue.Check(task) is not null) && !RunDue.IsActive(run);
        if (blocked || run is null) return NoRun(holdsUp ? outcome : null);
        var verdict = RunVerdict.Of(task, run);
        if (RetryPlan.Due(task, now) is null) return verdict;
        var next = $"attempt {(run.Attempt ?? 1) + 1} of {(task.Spec.Retries ?? 0) + 1}";
        return verdict with { Status = ConditionStatus.Unknown, Reason = TaskReasons.ToBeRetried, Phase = CiTaskPhases.Retrying, Message = $"{verdict.Message}; retrying ({next})" };
    }

    private static RunVerdict NoRun(Outcome? holdUp) => holdUp switch
    {
        null => new(ConditionStatus.Unknown, TaskReasons.Pending, CiTaskPhases.Pending, "waiting for the first run"),
        { Kind: OutcomeKind.Stalled } => new(ConditionStatus.False, holdUp.Reason, CiTaskPhases.Failed, holdUp.Message),
        _ => new(ConditionStatus.Unknown, holdUp.Reason, CiTaskPhases.Pending, holdUp.Message),
    };
}
