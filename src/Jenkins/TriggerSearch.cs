using System.Text.Json.Nodes;
using CiBridge.Jenkins.Http;
using CiBridge.Jenkins.Models;
using CiBridge.Jenkins.Wire;

namespace CiBridge.Jenkins;

/// <summary>
/// Finds the queue items and recent builds of a job that a trigger by this client's user, with
/// the fingerprint's parameter values, may have become (see <see cref="TriggerFingerprint.Matches"/>).
/// Two reads: the queue, then the job's newest builds; an item that starts between them shows up
/// once, as its build.
/// </summary>
internal sealed class TriggerSearch(JenkinsTransport transport)
{
    public async Task<IReadOnlyList<TriggeredRun>> FindAsync(TriggerFingerprint fingerprint, CancellationToken ct)
    {
        var jobUrl = Uri.UnescapeDataString(JobPaths.ToRelativeUrl(fingerprint.JobPath));
        var queue = await transport.GetAsync("queue/api/json?tree=" + Trees.QueueCandidates, ct);
        var queued = WireReader.Read(queue.Body, "queue/api/json", json => QueuedOf(json, jobUrl));
        var relative = JobPaths.ToRelativeUrl(fingerprint.JobPath) + "api/json?tree=" + Trees.BuildCandidates(transport.Options.BuildSearchLimit);
        var builds = await transport.GetAsync(relative, ct);
        var built = WireReader.Read(builds.Body, relative, BuiltOf);
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

    private static List<TriggeredRun> BuiltOf(JsonNode json) =>
        (WireReader.Property(json, "builds") as JsonArray ?? []).OfType<JsonObject>()
            .Select(build => WireReader.Triggered(build, WireReader.Long(build["queueId"]), WireReader.Int(build["number"]), WireReader.Long(build["timestamp"])))
            .OfType<TriggeredRun>()
            .ToList();
}
