using CiBridge.Jenkins.Models;

namespace CiBridge.Jenkins.Tests.Fuzz;

/// <summary>Every way the operator reads from Jenkins, as one callable each.</summary>
internal static class ClientOperation
{
    public static IReadOnlyList<(string Name, Func<IJenkinsClient, CancellationToken, Task> Run)> All { get; } =
    [
        ("verify", async (c, ct) => Checked(await c.VerifyAsync(ct))),
        ("discover jobs", (c, ct) => c.DiscoverJobsAsync(ct)),
        ("get job", (c, ct) => c.GetJobAsync("folder/job", ct)),
        ("get build", (c, ct) => c.GetBuildAsync("folder/job", 2, ct)),
        ("get queue item", (c, ct) => c.GetQueueItemAsync(7, ct)),
        ("find build by queue id", (c, ct) => c.FindBuildByQueueIdAsync("job", 7, ct)),
        ("find run", (c, ct) => c.FindRunAsync("job", TriggerRequest.RunIdParameter, "r", DateTimeOffset.UnixEpoch, ct)),
        ("find triggered", (c, ct) => c.FindTriggeredAsync(new TriggerFingerprint("job", new Dictionary<string, string?> { ["BRANCH"] = "main" }, DateTimeOffset.UnixEpoch), ct)),
        ("read console", (c, ct) => c.ReadConsoleAsync("job", 2, 0, ct)),
        ("trigger", (c, ct) => c.TriggerAsync(new TriggerRequest("job", RunId: "r"), ct)),
        ("cancel queue item", (c, ct) => c.CancelQueueItemAsync(7, ct)),
    ];

    /// <summary>Verify never throws; its outcome must still be classified and explained.</summary>
    private static void Checked(VerifyOutcome outcome)
    {
        if (!Enum.IsDefined(outcome.Status) || string.IsNullOrWhiteSpace(outcome.Message))
        {
            throw new InvalidOperationException($"unclassified verify outcome {outcome.Status}: '{outcome.Message}'");
        }
    }
}
