using System.Security.Cryptography.X509Certificates;

namespace CiBridge.Kubernetes.Configuration;

/// <summary>client-go's <c>rest.InClusterConfig</c>.</summary>
internal static class InClusterConfig
{
    public const string ServiceAccountDirectory = "/var/run/secrets/kubernetes.io/serviceaccount";

    public static bool IsInCluster(Func<string, string?> env) =>
        !string.IsNullOrEmpty(env("KUBERNETES_SERVICE_HOST")) && !string.IsNullOrEmpty(env("KUBERNETES_SERVICE_PORT"));

    public static KubernetesClientConfiguration Load(Func<string, string?> env, string directory, TimeProvider time)
    {
        var host = env("KUBERNETES_SERVICE_HOST");
        var port = env("KUBERNETES_SERVICE_PORT");
        if (string.IsNullOrEmpty(host) || string.IsNullOrEmpty(port))
        {
            throw new KubeConfigException("environment", "KUBERNETES_SERVICE_HOST/KUBERNETES_SERVICE_PORT", "not set: not running in a pod");
        }
        var tokenPath = Path.Combine(directory, "token");
        if (!File.Exists(tokenPath)) throw new KubeConfigException(tokenPath, "token", "file not found");
        var caPath = Path.Combine(directory, "ca.crt");
        var nsPath = Path.Combine(directory, "namespace");
        var hostPart = host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host;
        return new KubernetesClientConfiguration
        {
            Server = new Uri($"https://{hostPart}:{port}"),
            Namespace = File.Exists(nsPath) ? File.ReadAllText(nsPath).Trim() : "default",
            CertificateAuthority = File.Exists(caPath) ? ReadPem(caPath) : null,
            Credentials = new TokenFileCredential(tokenPath, time),
            Source = "in-cluster",
        };
    }

    private static X509Certificate2Collection ReadPem(string path)
    {
        var certificates = new X509Certificate2Collection();
        try
        {
            certificates.ImportFromPem(File.ReadAllText(path));
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            throw new KubeConfigException(path, "ca.crt", "not a PEM certificate bundle", e);
        }
        return certificates;
    }
}
