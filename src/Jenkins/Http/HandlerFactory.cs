using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace CiBridge.Jenkins.Http;

/// <summary>The HTTP handler of one endpoint: no auto-redirects (a login redirect must be seen),
/// cookies (the crumb's session), proxy, TLS trust (system, a CA bundle, or opt-in insecure), and
/// the installation's refused addresses checked at connect time.</summary>
internal static class HandlerFactory
{
    public static SocketsHttpHandler Create(JenkinsEndpointSettings settings, Func<IPAddress, bool>? refusedAddress)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = true,
            CookieContainer = new CookieContainer(),
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        if (settings.Proxy is { } proxy)
        {
            handler.Proxy = new WebProxy(proxy);
            handler.UseProxy = true;
        }
        handler.SslOptions.RemoteCertificateValidationCallback = Validation(settings);
        if (refusedAddress is not null) handler.ConnectCallback = GuardedConnect.Create(refusedAddress);
        return handler;
    }

    private static RemoteCertificateValidationCallback? Validation(JenkinsEndpointSettings settings)
    {
        if (settings.InsecureSkipTlsVerify) return (_, _, _, _) => true;
        if (string.IsNullOrWhiteSpace(settings.CaBundlePem)) return null;
        var roots = new X509Certificate2Collection();
        roots.ImportFromPem(settings.CaBundlePem);
        return (_, certificate, _, errors) => certificate is not null
            && (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) == SslPolicyErrors.None
            && ChainsTo(certificate, roots);
    }

    private static bool ChainsTo(X509Certificate certificate, X509Certificate2Collection roots)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        var leaf = certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return chain.Build(leaf);
    }
}
