using CiBridge.Entities.CiTasks;
using CiBridge.Kubernetes.Client;
using CiBridge.Sandbox.Jenkins.Model;

namespace CiBridge.Chaos.Tests;

/// <summary>
/// What a failure message shows about the keys whose count is off: each of their builds as Jenkins
/// recorded it (number, queue item, run id) and the runs the tasks' statuses record, so the sequence
/// that led to a duplicate or a lost run can be read from the test output.
/// </summary>
internal static class ChaosDiagnostics
{
    public static async Task<string> DescribeAsync(ChaosWorld world, IReadOnlyList<TaskPlan> plans, BuildLedger ledger, CancellationToken ct)
    {
        var tasks = (await world.Client.ListAsync<CiTask>(new ListOptions { Namespace = ChaosWorld.Namespace }, ct)).Items.ToDictionary(t => t.Metadata.Name!);
        var builds = world.Jenkins.ReceivedBuilds();
        var lines = new List<string>();
        foreach (var key in ledger.MismatchedKeys())
        {
            lines.Add($"{key}:");
            lines.AddRange(builds.Where(b => BuildLedger.KeyOf(b) == key).Select(Describe));
            foreach (var plan in plans.Where(p => p.Job == key.Job && p.Label == key.Task))
            {
                var runs = tasks.TryGetValue(plan.Name, out var task) ? RunsOf(task).Select(Describe) : ["(deleted)"];
                lines.Add($"  task {plan.Name}: " + string.Join(" | ", runs));
            }
        }
        return string.Join('\n', lines);
    }

    private static string Describe(ReceivedBuild b) =>
        $"  build #{b.Number} queue {b.QueueId} run id {b.Parameters.GetValueOrDefault("CIBRIDGE_RUN_ID", "-")} result {b.Result ?? "-"}";

    private static string Describe(CiTaskRun r) =>
        $"run {r.RunId} gen {r.Generation} attempt {r.Attempt} rev {r.Revision} queue {r.QueueItemId} build {r.BuildNumber} {r.Result ?? "-"} triggered {r.TriggerTime:HH:mm:ss}";

    private static IEnumerable<CiTaskRun> RunsOf(CiTask task) =>
        (task.Status?.CurrentRun is { } current ? [current] : Array.Empty<CiTaskRun>()).Concat(task.Status?.History ?? []);
}
