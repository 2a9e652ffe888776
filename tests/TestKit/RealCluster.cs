namespace CiBridge.TestKit;

/// <summary>
/// The real cluster of the real-cluster tier: the one whose kubeconfig <c>CIBRIDGE_TEST_KUBECONFIG</c>
/// names, else the shared k3s container when a Docker engine is reachable, else none (tests then skip
/// with <see cref="DockerEngine.SkipReason"/>, via <c>Assert.SkipWhen</c>).
/// </summary>
public static class RealCluster
{
    public const string KubeconfigVariable = "CIBRIDGE_TEST_KUBECONFIG";

    /// <summary>The kubeconfig path of the real cluster, or null when there is none here.</summary>
    public static async Task<string?> KubeconfigAsync()
    {
        var path = Environment.GetEnvironmentVariable(KubeconfigVariable);
        return string.IsNullOrEmpty(path) ? await K3sCluster.KubeconfigAsync() : path;
    }
}
