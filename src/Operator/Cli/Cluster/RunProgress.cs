using CiBridge.Entities.CiTasks;
using CiBridge.Entities.Conditions;
using CiBridge.Kubernetes.Models;

namespace CiBridge.Operator.Cli.Cluster;

/// <summary>
/// Follows the run one request asked for, from the task's status: until the operator records the
/// request the status still shows the run before it. Prints one line whenever the phase, build,
/// result or blocking reason changes.
/// </summary>
internal sealed class RunProgress(string handledRequest, TextWriter output)
{
    private string? _last;

    /// <summary>The requested run has a result and the task left Queued, Running and Retrying.</summary>
    public bool IsFinished(CiTask task) =>
        IsHandled(task) && task.Status!.CurrentRun?.Result is not null
        && task.Status.Phase is CiTaskPhases.Succeeded or CiTaskPhases.Failed;

    public void Report(CiTask task)
    {
        var line = Line(task);
        if (line == _last) return;
        _last = line;
        output.WriteLine(line);
    }

    private bool IsHandled(CiTask task) => task.Status?.LastHandledRunRequest == handledRequest;

    private string Line(CiTask task)
    {
        var ready = Conditions.Find(task.Status?.Conditions, ConditionTypes.Ready);
        var blocked = ready?.Status == nameof(ConditionStatus.False) ? $" ({ready.Reason}: {ready.Message})" : "";
        if (!IsHandled(task)) return $"Requested: waiting for the operator to start the run{blocked}";
        var run = task.Status!.CurrentRun;
        var build = run?.BuildNumber is { } number ? $" build #{number}" : "";
        var result = run?.Result is { } r ? $" {r}" + (run.Duration is { } d ? $" after {d}" : "") : "";
        var attempt = run?.Attempt is > 1 ? $" (attempt {run.Attempt})" : "";
        return $"{task.Status.Phase ?? CiTaskPhases.Pending}{build}{attempt}{result}{(result.Length == 0 ? blocked : "")}";
    }
}
