using System.Text.Json.Nodes;
using CiBridge.Jenkins.Http;
using CiBridge.Jenkins.Models;
using CiBridge.Jenkins.Wire;

namespace CiBridge.Jenkins;

/// <summary>Lists jobs through folders with one <c>tree=</c> request, bounded in depth and count.</summary>
internal sealed class JobDiscoverer(JenkinsTransport transport)
{
    public async Task<JobDiscoveryResult> DiscoverAsync(CancellationToken ct)
    {
        var depth = Math.Max(1, transport.Options.DiscoveryMaxDepth);
        var limit = Math.Max(1, transport.Options.DiscoveryMaxJobs);
        var response = await transport.GetAsync("api/json?tree=" + Trees.Jobs(depth, limit + 1), ct);
        return WireReader.Read(response.Body, "api/json", root => Walk(root, depth, limit));
    }

    private static JobDiscoveryResult Walk(JsonNode root, int depth, int limit)
    {
        var jobs = new List<JobSummary>();
        var truncated = false;
        var pending = new Queue<(JsonArray Items, string Prefix, int Level)>();
        pending.Enqueue((WireReader.Property(root, "jobs") as JsonArray ?? [], "", 1));
        while (pending.TryDequeue(out var next))
        {
            truncated |= next.Items.Count > limit;
            foreach (var item in next.Items.OfType<JsonObject>())
            {
                var name = WireReader.Text(item, "name") ?? "";
                var fullName = next.Prefix + name;
                if (item["jobs"] is JsonArray children) pending.Enqueue((children, fullName + "/", next.Level + 1));
                else if (IsFolder(item)) truncated |= next.Level >= depth;
                else if (jobs.Count < limit) jobs.Add(new JobSummary(fullName, WireReader.ToUri(WireReader.Text(item, "url")), WireReader.Text(item, "_class") ?? "", WireReader.Text(item, "color")));
                else truncated = true;
            }
        }
        return new JobDiscoveryResult(jobs.OrderBy(j => j.FullName, StringComparer.Ordinal).ToList(), truncated);
    }

    /// <summary>Containers have no status color (folders, organization and multibranch folders).</summary>
    private static bool IsFolder(JsonObject item) => !item.ContainsKey("color");
}
