using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace CiBridge.Sandbox.ApiServer.Http;

/// <summary>Requests served since start, per verb and resource (<c>GET /sandbox/requests</c>).</summary>
internal sealed class RequestCounters
{
    private readonly ConcurrentDictionary<(string Verb, string Resource), long> _counts = new();

    public void Count(string verb, string resource) => _counts.AddOrUpdate((verb, resource), 1, (_, n) => n + 1);

    public long Get(string verb, string resource) => _counts.TryGetValue((verb, resource), out var n) ? n : 0;

    public JsonObject ToJson()
    {
        var items = new JsonArray();
        foreach (var ((verb, resource), count) in _counts.OrderBy(p => p.Key.Resource, StringComparer.Ordinal).ThenBy(p => p.Key.Verb, StringComparer.Ordinal))
        {
            items.Add(new JsonObject { ["verb"] = verb, ["resource"] = resource, ["count"] = count });
        }
        return new JsonObject { ["kind"] = "SandboxRequestCounts", ["items"] = items, ["total"] = _counts.Values.Sum() };
    }
}
