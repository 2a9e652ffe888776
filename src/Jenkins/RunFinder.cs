using System.Text.Json.Nodes;
using CiBridge.Jenkins.Http;
using CiBridge.Jenkins.Models;
using CiBridge.Jenkins.Wire;

namespace CiBridge.Jenkins;

/// <summary>Finds a run by a parameter value (the CIBRIDGE_RUN_ID convention): first in the queue,
/// then among the builds since a time (<see cref="BuildHistory"/>). This resolves a trigger whose response was lost.</summary>
internal sealed class RunFinder(JenkinsTransport transport)
{
    public async Task<RunLocation?> FindAsync(string jobPath, string parameterName, string value, DateTimeOffset? since, CancellationToken ct)
    {
        var jobUrl = Uri.UnescapeDataString(JobPaths.ToRelativeUrl(jobPath));
        var response = await transport.GetAsync("queue/api/json?tree=" + Trees.QueueItems, ct);
        var queued = WireReader.Read(response.Body, "queue/api/json", json => FindQueued(json, jobUrl, parameterName, value));
        if (queued is not null) return queued;
        var build = (await new BuildHistory(transport).ReadAsync(jobPath, Trees.Build, since, WireReader.Build, ct))
            .FirstOrDefault(b => b.Parameters.TryGetValue(parameterName, out var v) && v == value);
        return build is null ? null : new RunLocation(build.QueueId, build);
    }

    private static RunLocation? FindQueued(JsonNode json, string jobUrl, string parameterName, string value)
    {
        foreach (var item in (WireReader.Property(json, "items") as JsonArray ?? []).OfType<JsonObject>())
        {
            // Compare unescaped: Jenkins' rawEncode keeps "()" that Uri.EscapeDataString encodes.
            var taskUrl = Uri.UnescapeDataString(WireReader.Text(item["task"], "url") ?? "");
            if (taskUrl.EndsWith("/" + jobUrl, StringComparison.OrdinalIgnoreCase) && Carries(item, parameterName, value))
            {
                return new RunLocation(item["id"]?.GetValue<long>(), null);
            }
        }
        return null;
    }

    private static bool Carries(JsonObject item, string name, string value) =>
        (item["actions"] as JsonArray ?? [])
            .SelectMany(a => WireReader.Property(a, "parameters") as JsonArray ?? [])
            .Any(p => WireReader.Text(p, "name") == name && WireReader.Text(p, "value") == value);
}
