using System.Text.Json.Nodes;
using CiBridge.Jenkins.Http;
using CiBridge.Jenkins.Wire;

namespace CiBridge.Jenkins;

/// <summary>
/// Reads a job's builds newest first, <see cref="JenkinsClientOptions.BuildSearchLimit"/> at a time,
/// back to a point in time: a search for a trigger whose answer was lost must see every build that
/// started since that trigger, however many the job ran meanwhile (an operator that was down for a
/// while, on a busy job). Jenkins numbers builds as they start, so the first build that started
/// before that time ends the reading; so do the end of the list and <see cref="MaxPages"/>.
/// </summary>
internal sealed class BuildHistory(JenkinsTransport transport)
{
    /// <summary>At most this many pages are read (1,000 builds with the default page size).</summary>
    public const int MaxPages = 20;

    /// <param name="jobPath">The job.</param>
    /// <param name="fields">The <c>tree=</c> fields of each build; must include <c>timestamp</c> when <paramref name="since"/> is given.</param>
    /// <param name="since">Read back to the first build that started before this; null: the newest page only.</param>
    /// <param name="map">What each build becomes; an answer it cannot map is a classified error.</param>
    /// <param name="ct">Cancels the reading.</param>
    public async Task<List<T>> ReadAsync<T>(string jobPath, string fields, DateTimeOffset? since, Func<JsonObject, T> map, CancellationToken ct)
    {
        var limit = transport.Options.BuildSearchLimit;
        var builds = new List<T>();
        for (var page = 0; page < MaxPages; page++)
        {
            // "builds" lists the newest 100 only; "allBuilds" (by tree= only) reaches every build Jenkins keeps.
            var property = page == 0 ? "builds" : "allBuilds";
            var relative = JobPaths.ToRelativeUrl(jobPath) + $"api/json?tree={property}[{fields}]{{{page * limit},{(page + 1) * limit}}}";
            var response = await transport.GetAsync(relative, ct);
            var (batch, reachedSince) = WireReader.Read(response.Body, relative, json => Page(json, property, since, map));
            builds.AddRange(batch);
            if (since is null || batch.Count < limit || reachedSince) break;
        }
        return builds;
    }

    /// <summary>The page's builds, and whether one of them started before <paramref name="since"/>.</summary>
    private static (List<T> Builds, bool ReachedSince) Page<T>(JsonNode json, string property, DateTimeOffset? since, Func<JsonObject, T> map)
    {
        var builds = (WireReader.Property(json, property) as JsonArray ?? []).OfType<JsonObject>().ToList();
        var reached = since is { } bound && builds.Any(b => WireReader.Long(b["timestamp"]) is { } ms && DateTimeOffset.FromUnixTimeMilliseconds(ms) < bound);
        return (builds.Select(map).ToList(), reached);
    }
}
