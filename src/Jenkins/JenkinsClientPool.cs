using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace CiBridge.Jenkins;

/// <summary>The default <see cref="IJenkinsClientPool"/>: clients keyed by endpoint, replaced when a
/// fingerprint of the settings (secrets hashed, never stored in clear) changes.</summary>
/// <param name="factory">Creates the clients.</param>
/// <param name="time">Clock for the grace period before retired clients are disposed.</param>
public sealed class JenkinsClientPool(IJenkinsClientFactory factory, TimeProvider time) : IJenkinsClientPool, IDisposable
{
    /// <summary>How long a replaced client stays usable by calls in flight. <value>2 minutes.</value></summary>
    public static readonly TimeSpan RetireAfter = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<string, (string Fingerprint, IJenkinsClient Client)> _clients = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public IJenkinsClient Get(string endpointKey, JenkinsEndpointSettings settings)
    {
        var fingerprint = Fingerprint(settings);
        while (true)
        {
            if (_clients.TryGetValue(endpointKey, out var current))
            {
                if (current.Fingerprint == fingerprint) return current.Client;
                var replacement = (fingerprint, factory.Create(settings));
                if (_clients.TryUpdate(endpointKey, replacement, current))
                {
                    Retire(current.Client);
                    return replacement.Item2;
                }
                replacement.Item2.Dispose();
                continue;
            }
            var created = factory.Create(settings);
            if (_clients.TryAdd(endpointKey, (fingerprint, created))) return created;
            created.Dispose();
        }
    }

    /// <inheritdoc/>
    public void Remove(string endpointKey)
    {
        if (_clients.TryRemove(endpointKey, out var removed)) Retire(removed.Client);
    }

    /// <summary>Disposes every client now.</summary>
    public void Dispose()
    {
        foreach (var (_, (_, client)) in _clients) client.Dispose();
        _clients.Clear();
    }

    private void Retire(IJenkinsClient client)
    {
        ITimer? timer = null;
        timer = time.CreateTimer(_ =>
        {
            client.Dispose();
            timer?.Dispose();
        }, null, RetireAfter, Timeout.InfiniteTimeSpan);
    }

    private static string Fingerprint(JenkinsEndpointSettings s)
    {
        var text = new StringBuilder()
            .Append(s.BaseUrl.AbsoluteUri).Append('\n').Append(s.AuthType).Append('\n').Append(s.UserName).Append('\n').Append(s.Secret).Append('\n')
            .Append(string.Join('\n', s.Headers.OrderBy(h => h.Key, StringComparer.Ordinal).Select(h => h.Key + "=" + h.Value))).Append('\n')
            .Append(s.CaBundlePem).Append('\n').Append(s.InsecureSkipTlsVerify).Append('\n').Append(s.Proxy).Append('\n').Append(s.Options);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
