using CiBridge.Entities.CiTasks;

namespace CiBridge.Operator.Cli.Cluster;

/// <summary>
/// Which run <c>logs</c> shows: the current run, or with <c>--run N</c> the recorded run (current
/// or in history) whose Jenkins build number is N, the number Jenkins and the status show.
/// </summary>
internal static class RunChoice
{
    public static CiTaskRun Pick(CiTask task, int? buildNumber)
    {
        var name = $"citask/{task.Metadata.Name}";
        var runs = new[] { task.Status?.CurrentRun }.Concat(task.Status?.History ?? []).OfType<CiTaskRun>().ToList();
        if (buildNumber is null)
        {
            return task.Status?.CurrentRun ?? throw new CliUsageException($"{name} has not run yet");
        }
        var recorded = runs.Where(r => r.BuildNumber is not null).Select(r => $"#{r.BuildNumber}").ToList();
        return runs.FirstOrDefault(r => r.BuildNumber == buildNumber)
            ?? throw new CliUsageException($"{name} has no recorded run with build number {buildNumber} (recorded: {(recorded.Count == 0 ? "none" : string.Join(", ", recorded))})");
    }
}
