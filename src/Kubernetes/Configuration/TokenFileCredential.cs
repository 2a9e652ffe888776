namespace CiBridge.Kubernetes.Configuration;

/// <summary>
/// A token read from a file and re-read at least every <c>refresh</c> (one minute, as client-go's
/// <c>cachingTokenSource</c> does for service-account tokens, which the kubelet rotates).
/// </summary>
public sealed class TokenFileCredential(string path, TimeProvider time, TimeSpan? refresh = null) : ICredentialSource
{
    private readonly Lock _gate = new();
    private readonly TimeSpan _refresh = refresh ?? TimeSpan.FromMinutes(1);
    private string? _token;
    private DateTimeOffset _readAt;

    public string Path => path;

    public async ValueTask<string?> GetTokenAsync(CancellationToken ct)
    {
        lock (_gate)
        {
            if (_token is not null && time.GetUtcNow() - _readAt < _refresh) return _token;
        }
        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, ct);
        }
        catch (IOException e)
        {
            throw new KubeConfigException(path, "token file", $"cannot be read: {e.Message}", e);
        }
        lock (_gate)
        {
            _token = text.Trim();
            _readAt = time.GetUtcNow();
            return _token;
        }
    }

    public void Invalidate()
    {
        lock (_gate) _token = null;
    }

    public override string ToString() => $"TokenFileCredential({path})";
}
