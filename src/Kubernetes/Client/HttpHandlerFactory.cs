using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using CiBridge.Kubernetes.Configuration;

namespace CiBridge.Kubernetes.Client;

/// <summary>Builds the TLS- and proxy-aware handler for a <see cref="KubernetesClientConfiguration"/>.</summary>
internal static class HttpHandlerFactory
{
    public static SocketsHttpHandler Create(KubernetesClientConfiguration config)
    {
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
            KeepAlivePingDelay = TimeSpan.FromSeconds(30),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(15),
        };
        if (config.ProxyUrl is not null)
        {
            handler.Proxy = new WebProxy(config.ProxyUrl);
            handler.UseProxy = true;
        }
        if (config.TlsServerName is not null) handler.SslOptions.TargetHost = config.TlsServerName;
        if (config.ClientCertificate is not null) handler.SslOptions.ClientCertificates = [config.ClientCertificate];
        handler.SslOptions.RemoteCertificateValidationCallback = Validator(config);
        return handler;
    }

    private static RemoteCertificateValidationCallback Validator(KubernetesClientConfiguration config)
    {
        if (config.InsecureSkipTlsVerify) return (_, _, _, _) => true;
        if (config.CertificateAuthority is not { Count: > 0 } roots) return (_, _, _, errors) => errors == SslPolicyErrors.None;
        return (_, certificate, _, errors) =>
        {
            if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None) return false;
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.AddRange(roots);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return chain.Build(certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
        };
    }
}
