using System.Collections.Concurrent;
using CiBridge.Jenkins;

namespace CiBridge.Operator.Controllers.Shared;

/// <summary>
/// One Jenkins client per endpoint (by uid), kept while its settings stay the same, so the circuit
/// breaker, concurrency limit and crumb session survive between reconciles. A credential rotation
/// changes the settings and so replaces the client.
/// </summary>
internal sealed class JenkinsClients(IJenkinsClientFactory factory) : IDisposable
{
    private readonly ConcurrentDictionary<string, (JenkinsEndpointSettings Settings, IJenkinsClient Client)> _clients = new();
    private readonly Lock _gate = new();

    public IJenkinsClient Get(string endpointUid, JenkinsEndpointSettings settings)
    {
        lock (_gate)
        {
            if (_clients.TryGetValue(endpointUid, out var entry) && SameSettings(entry.Settings, settings)) return entry.Client;
            var client = factory.Create(settings);
            _clients[endpointUid] = (settings, client);
            entry.Client?.Dispose();
            return client;
        }
    }

    public void Forget(string endpointUid)
    {
        if (_clients.TryRemove(endpointUid, out var entry)) entry.Client.Dispose();
    }

    public void Dispose()
    {
        foreach (var (_, entry) in _clients) entry.Client.Dispose();
        _clients.Clear();
    }

    // Records compare the headers dictionary by reference; compare its contents instead.
    private static bool SameSettings(JenkinsEndpointSettings a, JenkinsEndpointSettings b) =>
        a with { Headers = b.Headers } == b && a.Headers.Count == b.Headers.Count
        && a.Headers.All(h => b.Headers.TryGetValue(h.Key, out var v) && v == h.Value);
}
