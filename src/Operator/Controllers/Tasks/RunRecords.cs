using System.Globalization;
using CiBridge.Entities.CiTasks;

namespace CiBridge.Operator.Controllers.Tasks;

/// <summary>Creates run records and keeps the bounded history.</summary>
internal static class RunRecords
{
    /// <summary>Starts a run record: the previous run moves to the front of the history.</summary>
    public static CiTaskRun Begin(CiTask task, int attempt, DateTimeOffset now)
    {
        var status = task.Status ??= new CiTaskStatus();
        var previous = status.CurrentRun;
        var run = new CiTaskRun
        {
            RunId = NextRunId(task, previous),
            Generation = task.Metadata.Generation,
            Job = task.Spec.Job,
            Attempt = attempt,
            Revision = task.Spec.Revision,
            TriggerTime = Kubernetes.Models.KubernetesTimeConverter.Truncate(now),
        };
        if (previous is not null)
        {
            status.History = [previous, .. (status.History ?? []).Take(CiTaskStatus.MaxHistory - 1)];
        }
        status.CurrentRun = run;
        return run;
    }

    /// <summary>"&lt;first 8 of uid&gt;-&lt;sequence&gt;": unique per object, readable, and stable across restarts.</summary>
    private static string NextRunId(CiTask task, CiTaskRun? previous)
    {
        var uid = (task.Metadata.Uid ?? task.Metadata.Name ?? "task").Replace("-", "", StringComparison.Ordinal);
        var prefix = uid.Length > 8 ? uid[..8] : uid;
        var sequence = previous?.RunId is { } id && id.LastIndexOf('-') is var dash and > 0
            && int.TryParse(id[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var last) ? last + 1 : 1;
        return $"{prefix}-{sequence}";
    }
}
