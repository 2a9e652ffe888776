using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using CiBridge.Sandbox.ApiServer;

namespace CiBridge.Sandbox.Benchmarks;

/// <summary>An HttpClient that trusts the sandbox's CA and sends its token.</summary>
internal static class BenchClient
{
    public static HttpClient Create(SandboxApiServer server)
    {
        var roots = new X509Certificate2Collection();
        roots.ImportFromPem(server.CaCertificatePem);
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 512 };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
        {
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            chain.ChainPolicy.CustomTrustStore.AddRange(roots);
            return certificate is not null && chain.Build(new X509Certificate2(certificate));
        };
        var http = new HttpClient(handler) { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", server.Token);
        return http;
    }
}
