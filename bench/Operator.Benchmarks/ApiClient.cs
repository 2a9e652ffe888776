using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using CiBridge.Sandbox.ApiServer;

namespace CiBridge.Operator.Benchmarks;

/// <summary>
/// The harness's own client of the sandbox API server, with no rate limit. It counts its requests
/// by kube verb and resource, so that they can be taken out of the server's counts, which leaves the operator's.
/// </summary>
internal sealed class ApiClient(SandboxApiServer server) : IDisposable
{
    private readonly HttpClient _http = server.CreateHttpClient(maxConnectionsPerServer: 64, TimeSpan.FromMinutes(2));
    private readonly ConcurrentDictionary<string, long> _own = new(StringComparer.Ordinal);

    /// <summary>Requests served by the API server so far, keyed "verb resource" (e.g. <c>patch citasks.cibridge.dev/status</c>), minus the harness's own.</summary>
    public async Task<IReadOnlyDictionary<string, long>> OperatorRequestsAsync()
    {
        var counts = JsonNode.Parse(await _http.GetStringAsync("/sandbox/requests"))!["items"]!.AsArray();
        var byRequest = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var item in counts)
        {
            var request = $"{item!["verb"]!.GetValue<string>()} {item["resource"]!.GetValue<string>()}";
            byRequest[request] = byRequest.GetValueOrDefault(request) + item["count"]!.GetValue<long>();
        }
        foreach (var (request, own) in _own) byRequest[request] = byRequest.GetValueOrDefault(request) - own;
        return byRequest;
    }

    /// <summary>The verb of a key of <see cref="OperatorRequestsAsync"/>.</summary>
    public static string VerbOf(string request) => request[..request.IndexOf(' ', StringComparison.Ordinal)];

    public async Task CreateAsync(string path, string json)
    {
        Count("create", path);
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(path, content);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"POST {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public async Task MergePatchAsync(string path, string json)
    {
        Count("patch", path);
        using var content = new StringContent(json, Encoding.UTF8, "application/merge-patch+json");
        using var response = await _http.PatchAsync(path, content);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"PATCH {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public async Task<JsonArray> ListAsync(string path)
    {
        Count("list", path);
        return JsonNode.Parse(await _http.GetStringAsync(path))!["items"]!.AsArray();
    }

    public async Task<JsonNode?> GetAsync(string path)
    {
        Count("get", path);
        using var response = await _http.GetAsync(path);
        return response.IsSuccessStatusCode ? JsonNode.Parse(await response.Content.ReadAsStringAsync()) : null;
    }

    public void Dispose() => _http.Dispose();

    private void Count(string verb, string path) => _own.AddOrUpdate($"{verb} {ResourceOf(path)}", 1, (_, n) => n + 1);

    /// <summary>The resource as the server counts it: <c>configmaps</c>, <c>citasks.cibridge.dev</c>, <c>citasks.cibridge.dev/status</c>.</summary>
    private static string ResourceOf(string path)
    {
        var segments = path.Split('?')[0].Trim('/').Split('/');
        var grouped = segments[0] == "apis";
        var rest = segments[(grouped ? 3 : 2)..];
        if (rest.Length > 2 && rest[0] == "namespaces") rest = rest[2..];
        var resource = grouped ? $"{rest[0]}.{segments[1]}" : rest[0];
        return rest.Length > 2 ? $"{resource}/{rest[2]}" : resource;
    }
}
