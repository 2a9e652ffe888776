using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using CiBridge.Sandbox.ApiServer;

namespace CiBridge.Operator.Benchmarks;

/// <summary>
/// The harness's own client of the sandbox API server, with no rate limit. It counts its requests
/// by kube verb, so that they can be taken out of the server's counts, which leaves the operator's.
/// </summary>
internal sealed class ApiClient(SandboxApiServer server) : IDisposable
{
    private readonly HttpClient _http = Create(server);
    private readonly ConcurrentDictionary<string, long> _own = new(StringComparer.Ordinal);

    /// <summary>Requests served by the API server so far, by verb, minus the harness's own.</summary>
    public async Task<IReadOnlyDictionary<string, long>> OperatorRequestsAsync()
    {
        var counts = JsonNode.Parse(await _http.GetStringAsync("/sandbox/requests"))!["items"]!.AsArray();
        var byVerb = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var item in counts)
        {
            var verb = item!["verb"]!.GetValue<string>();
            byVerb[verb] = byVerb.GetValueOrDefault(verb) + item["count"]!.GetValue<long>();
        }
        foreach (var (verb, own) in _own) byVerb[verb] = byVerb.GetValueOrDefault(verb) - own;
        return byVerb;
    }

    public async Task CreateAsync(string path, string json)
    {
        Count("create");
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(path, content);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"POST {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public async Task MergePatchAsync(string path, string json)
    {
        Count("patch");
        using var content = new StringContent(json, Encoding.UTF8, "application/merge-patch+json");
        using var response = await _http.PatchAsync(path, content);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"PATCH {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public async Task<JsonArray> ListAsync(string path)
    {
        Count("list");
        return JsonNode.Parse(await _http.GetStringAsync(path))!["items"]!.AsArray();
    }

    public async Task<JsonNode?> GetAsync(string path)
    {
        Count("get");
        using var response = await _http.GetAsync(path);
        return response.IsSuccessStatusCode ? JsonNode.Parse(await response.Content.ReadAsStringAsync()) : null;
    }

    public void Dispose() => _http.Dispose();

    private void Count(string verb) => _own.AddOrUpdate(verb, 1, (_, n) => n + 1);

    private static HttpClient Create(SandboxApiServer server)
    {
        var roots = new X509Certificate2Collection();
        roots.ImportFromPem(server.CaCertificatePem);
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 64 };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
        {
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            chain.ChainPolicy.CustomTrustStore.AddRange(roots);
            return certificate is not null && chain.Build(new X509Certificate2(certificate));
        };
        var http = new HttpClient(handler) { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", server.Token);
        return http;
    }
}
