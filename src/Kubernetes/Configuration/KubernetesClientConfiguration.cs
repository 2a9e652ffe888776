using System.Security.Cryptography.X509Certificates;

namespace CiBridge.Kubernetes.Configuration;

/// <summary>How to reach and authenticate to one API server (client-go's <c>rest.Config</c>).</summary>
public sealed class KubernetesClientConfiguration
{
    /// <summary>The API server's base URL, such as <c>https://10.0.0.1:443</c>.</summary>
    public required Uri Server { get; init; }

    /// <summary>The namespace of the current context (in-cluster: the pod's namespace).</summary>
    /// <value>Defaults to <c>default</c>.</value>
    public string Namespace { get; init; } = "default";

    /// <summary>Certificate authorities to trust for the server instead of the system store.</summary>
    public X509Certificate2Collection? CertificateAuthority { get; init; }

    /// <summary>Skips server certificate checks (never in production).</summary>
    public bool InsecureSkipTlsVerify { get; init; }

    /// <summary>The name to check the server certificate against, when it differs from the URL's host.</summary>
    public string? TlsServerName { get; init; }

    public Uri? ProxyUrl { get; init; }

    /// <summary>A client certificate with its private key, for mutual TLS.</summary>
    public X509Certificate2? ClientCertificate { get; init; }

    /// <summary>Supplies bearer tokens (static, from a file, or from an exec plugin).</summary>
    public ICredentialSource? Credentials { get; init; }

    /// <summary>Where this configuration came from, for messages (a file and context, or "in-cluster").</summary>
    public string Source { get; init; } = "";
}

/// <summary>Supplies the bearer token for each request.</summary>
public interface ICredentialSource
{
    /// <summary>The token to send, or null to send none; implementations cache as they see fit.</summary>
    ValueTask<string?> GetTokenAsync(CancellationToken ct);

    /// <summary>The server answered 401: drop any cached token so the next call fetches a fresh one.</summary>
    void Invalidate();
}

/// <summary>A token that never changes (kubeconfig <c>token</c>).</summary>
public sealed class StaticTokenCredential(string token) : ICredentialSource
{
    public ValueTask<string?> GetTokenAsync(CancellationToken ct) => ValueTask.FromResult<string?>(token);

    public void Invalidate()
    {
    }

    public override string ToString() => "StaticTokenCredential(token hidden)";
}
