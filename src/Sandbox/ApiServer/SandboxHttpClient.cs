using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;

namespace CiBridge.Sandbox.ApiServer;

/// <summary>A raw HTTP client of the sandbox API server, for harnesses that count or time their own requests.</summary>
public static class SandboxHttpClient
{
    /// <summary>An HttpClient that trusts only the server's CA and sends its bearer token.</summary>
    public static HttpClient CreateHttpClient(this SandboxApiServer server, int maxConnectionsPerServer, TimeSpan timeout)
    {
        var roots = new X509Certificate2Collection();
        roots.ImportFromPem(server.CaCertificatePem);
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = maxConnectionsPerServer };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
        {
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            chain.ChainPolicy.CustomTrustStore.AddRange(roots);
            return certificate is not null && chain.Build(new X509Certificate2(certificate));
        };
        var http = new HttpClient(handler) { BaseAddress = server.BaseAddress, Timeout = timeout };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", server.Token);
        return http;
    }
}
