using System.Text.Json.Nodes;
using CiBridge.Jenkins.Http;
using CiBridge.Jenkins.Models;
using CiBridge.Jenkins.Wire;

namespace CiBridge.Jenkins;

/// <summary>
/// Finds the queue items and recent builds of a job that a trigger by this client's user, with
/// the fingerprint's parameter values, may have become (see <see cref="TriggerFingerprint.Matches"/>).
/// The queue first, then the job's builds back to the fingerprint's time (<see cref="BuildHistory"/>);
/// an item that starts between them shows up once, as its build.
/// </summary>
internal sealed class TriggerSearch(JenkinsTransport transport)
{
    public async Task<IReadOnlyList<TriggeredRun>> FindAsync(TriggerFingerprint fingerprint, CancellationToken ct)
    {
        var jobUrl = Uri.UnescapeDataString(JobPaths.ToRelativeUrl(fingerprint.JobPath));
        var queue = await transport.GetAsync("queue/api/json?tree=" + Trees.QueueCandidates, ct);
        var queued = WireReader.Read(queue.Body, "queue/api/json", json => QueuedOf(json, jobUrl));
        var built = (await new BuildHistory(transport).ReadAsync(fingerprint.JobPath, Trees.BuildCandidates, fingerprint.NotBefore, BuiltOf, ct))
            .OfType<TriggeredRun>().ToList();
        return built.Concat(queued.Where(q => built.All(b => b.QueueItemId != q.QueueItemId)))
            .Where(run => fingerprint.Matches(run, transport.UserName))
            .OrderBy(run => run.Since).ThenBy(run => run.QueueItemId)
            .ToList();
    }

    private static List<TriggeredRun> QueuedOf(JsonNode json, string jobUrl) =>
        (WireReader.Property(json, "items") as JsonArray ?? []).OfType<JsonObject>()
            // Compare unescaped: Jenkins' rawEncode keeps "()" that Uri.EscapeDataString encodes.
            .Where(item => Uri.UnescapeDataString(WireReader.Text(item["task"], "url") ?? "").EndsWith("/" + jobUrl, StringComparison.OrdinalIgnoreCase))
            .Select(item => WireReader.Triggered(item, WireReader.Long(item["id"]), null, WireReader.Long(item["inQueueSince"])))
            .OfType<TriggeredRun>()
            .ToList();

    private static TriggeredRun? BuiltOf(JsonObject build) =>
        WireReader.Triggered(build, WireReader.Long(build["queueId"]), WireReader.Int(build["number"]), WireReader.Long(build["timestamp"]));
}
