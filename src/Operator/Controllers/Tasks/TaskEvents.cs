using CiBridge.Entities.CiTasks;
using CiBridge.Entities.Conditions;
using CiBridge.Kubernetes.Events;
using CiBridge.Kubernetes.Models;

namespace CiBridge.Operator.Controllers.Tasks;

/// <summary>
/// One Event per transition written: whenever a status write changes the reason of
/// <c>Succeeded</c> (or, failing that, of <c>Ready</c>), <c>kubectl describe</c> gets a line saying
/// what happened. The run intent is a write of its own, so <c>Pending</c> comes before <c>Queued</c>.
/// </summary>
internal static class TaskEvents
{
    private static readonly HashSet<string> s_normal =
        [TaskReasons.Pending, TaskReasons.Queued, TaskReasons.Running, TaskReasons.Succeeded, TaskReasons.ToBeRetried];

    public static void Emit(IEventRecorder events, CiTask before, CiTask after)
    {
        var changed = Changed(before, after, ConditionTypes.Succeeded) ?? Changed(before, after, ConditionTypes.Ready);
        if (changed is null) return;
        var message = after.Status?.CurrentRun?.BuildUrl is { } url && changed.Reason != TaskReasons.Pending
            ? $"{changed.Message} ({url})"
            : changed.Message;
        events.Record(after, s_normal.Contains(changed.Reason) ? EventTypes.Normal : EventTypes.Warning, changed.Reason, message);
    }

    private static Condition? Changed(CiTask before, CiTask after, string type)
    {
        var old = Conditions.Find(before.Status?.Conditions, type);
        var now = Conditions.Find(after.Status?.Conditions, type);
        return now is not null && (old?.Reason != now.Reason || old.Status != now.Status) ? now : null;
    }
}
