using System.Text;
using CiBridge.Kubernetes.Yaml;

namespace CiBridge.Sandbox.Tests.ApiServer.Support;

/// <summary>
/// Where contract tests run: always the sandbox; also a real cluster when
/// <c>CIBRIDGE_TEST_KUBECONFIG</c> names a kubeconfig (token auth), otherwise that case is skipped.
/// </summary>
public static class ClusterTarget
{
    public const string Sandbox = "sandbox";
    public const string Real = "real-cluster";
    public const string EnvironmentVariable = "CIBRIDGE_TEST_KUBECONFIG";

    public static TheoryData<string> All => new(Sandbox, Real);

    internal static async Task<ApiClient> ConnectAsync(string target)
    {
        if (target == Sandbox) return (await SandboxFixture.SharedAsync()).CreateClient();
        var path = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrEmpty(path)) Assert.Skip($"{EnvironmentVariable} is not set; the real-cluster run of this contract is skipped.");
        var config = YamlJson.ReadSingle(await File.ReadAllTextAsync(path));
        var cluster = config["clusters"]![0]!["cluster"]!;
        var token = config["users"]![0]!["user"]!["token"]?.ToString() ?? throw new InvalidOperationException("the test kubeconfig needs a token user");
        var ca = Encoding.ASCII.GetString(Convert.FromBase64String(cluster["certificate-authority-data"]!.ToString()));
        var client = new ApiClient(new Uri(cluster["server"]!.ToString()), token, ca);
        await Crds.InstallAsync(client);
        return client;
    }

    /// <summary>The kubeconfig file of <paramref name="target"/>, for clients that read one (kubectl, the official client).</summary>
    internal static async Task<string> KubeconfigAsync(string target)
    {
        if (target == Sandbox) return (await SandboxFixture.SharedAsync()).Kubeconfig;
        var path = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrEmpty(path)) Assert.Skip($"{EnvironmentVariable} is not set; the real-cluster run of this contract is skipped.");
        return path;
    }
}
