using CiBridge.Entities.CiTasks;

namespace CiBridge.Operator.Cli.Cluster;

/// <summary>
/// Which run <c>logs</c> shows: the current run, or with <c>--run N</c> the recorded run (current
/// or in history) whose Jenkins build number is N, the number Jenkins and the status show.
/// </summary>
internal static class RunChoice
{
    /// <summary>The run to show; null when the task has no run yet and <paramref name="follow"/> will wait for one.</summary>
    public static CiTaskRun? Pick(CiTask task, int? buildNumber, bool follow)
    {
        var name = $"citask/{task.Metadata.Name}";
        var runs = new[] { task.Status?.CurrentRun }.Concat(task.Status?.History ?? []).OfType<CiTaskRun>().ToList();
        if (buildNumber is null)
        {
            return task.Status?.CurrentRun ?? (follow ? null : throw new CliUsageException($"{name} has not run yet; -f waits for its first run"));
        }
        var recorded = runs.Where(r => r.BuildNumber is not null).Select(r => $"#{r.BuildNumber}").ToList();
        return runs.FirstOrDefault(r => r.BuildNumber == buildNumber)
            ?? throw new CliUsageException($"{name} has no recorded run with build number {buildNumber} (recorded: {(recorded.Count == 0 ? "none" : string.Join(", ", recorded))})");
    }
}
