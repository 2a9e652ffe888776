using Testcontainers.K3s;

namespace CiBridge.TestKit;

/// <summary>
/// The real-cluster tier: one k3s container per test process (Testcontainers), started on first use
/// when a Docker engine is reachable, removed when the process ends. Tests ask for its kubeconfig and,
/// when there is none, skip with <see cref="DockerEngine.SkipReason"/>.
/// </summary>
public static class K3sCluster
{
    public const string Image = "rancher/k3s:v1.32.3-k3s1";

    private static readonly Lazy<Task<string>> s_kubeconfig = new(StartAsync);

    /// <summary>The path of a kubeconfig for the shared k3s cluster, or null when no Docker engine is reachable.</summary>
    public static async Task<string?> KubeconfigAsync() => await DockerEngine.IsReachableAsync() ? await s_kubeconfig.Value : null;

    private static async Task<string> StartAsync()
    {
        var container = new K3sBuilder(Image).Build();
        await container.StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => container.DisposeAsync().AsTask().GetAwaiter().GetResult();
        var path = Path.Combine(Directory.CreateTempSubdirectory("cibridge-k3s-").FullName, "kubeconfig");
        await File.WriteAllTextAsync(path, await container.GetKubeconfigAsync());
        return path;
    }
}
