using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using CiBridge.Kubernetes.Yaml;
using CiBridge.TestKit;

namespace CiBridge.Sandbox.Tests.ApiServer.Support;

/// <summary>
/// Where contract tests run: always the sandbox; also a real cluster: the one whose kubeconfig
/// <c>CIBRIDGE_TEST_KUBECONFIG</c> names, else a k3s container when a Docker engine is reachable,
/// else that case is skipped ("no Docker engine").
/// </summary>
public static class ClusterTarget
{
    public const string Sandbox = "sandbox";
    public const string Real = "real-cluster";

    public static TheoryData<string> All => new(Sandbox, Real);

    internal static async Task<ApiClient> ConnectAsync(string target)
    {
        if (target == Sandbox) return (await SandboxFixture.SharedAsync()).CreateClient();
        var config = YamlJson.ReadSingle(await File.ReadAllTextAsync(await KubeconfigAsync(target)));
        var cluster = config["clusters"]![0]!["cluster"]!;
        var user = config["users"]![0]!["user"]!;
        var ca = Encoding.ASCII.GetString(Convert.FromBase64String(cluster["certificate-authority-data"]!.ToString()));
        var client = new ApiClient(new Uri(cluster["server"]!.ToString()), user["token"]?.ToString(), ca, ClientCertificate(user));
        await Crds.InstallAsync(client);
        return client;
    }

    /// <summary>The kubeconfig file of <paramref name="target"/>, for clients that read one (kubectl, the official client).</summary>
    internal static async Task<string> KubeconfigAsync(string target)
    {
        if (target == Sandbox) return (await SandboxFixture.SharedAsync()).Kubeconfig;
        var path = await RealCluster.KubeconfigAsync();
        Assert.SkipWhen(path is null, DockerEngine.SkipReason);
        return path!;
    }

    /// <summary>The user's client certificate (k3s kubeconfigs authenticate so), or null for token users.</summary>
    private static X509Certificate2? ClientCertificate(JsonNode user)
    {
        if (user["client-certificate-data"] is not { } cert || user["client-key-data"] is not { } key)
        {
            if (user["token"] is null) throw new InvalidOperationException("the test kubeconfig needs a token or client certificate user");
            return null;
        }
        static string Pem(JsonNode data) => Encoding.ASCII.GetString(Convert.FromBase64String(data.ToString()));
        return X509Certificate2.CreateFromPem(Pem(cert), Pem(key));
    }
}
