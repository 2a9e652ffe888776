namespace CiBridge.Kubernetes.Configuration;

/// <summary>Where to look for a kubeconfig and which context to use.</summary>
public sealed record KubeConfigOptions
{
    /// <summary>Overrides <c>current-context</c> (kubectl's <c>--context</c>).</summary>
    public string? Context { get; init; }

    /// <summary>An explicit file (kubectl's <c>--kubeconfig</c>); otherwise <c>KUBECONFIG</c>, otherwise <c>~/.kube/config</c>.</summary>
    public string? Path { get; init; }

    /// <summary>Overrides the context's namespace.</summary>
    public string? Namespace { get; init; }

    /// <summary>Reads environment variables (tests pass their own).</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;
}

/// <summary>Loads client configuration the way kubectl and client-go do.</summary>
public static class KubernetesConfig
{
    /// <summary>
    /// controller-runtime's <c>config.GetConfig</c> order: an explicit file, then <c>KUBECONFIG</c>,
    /// then the pod's service account when running in a cluster, then <c>~/.kube/config</c>.
    /// </summary>
    public static KubernetesClientConfiguration LoadDefault(KubeConfigOptions? options, TimeProvider time)
    {
        options ??= new KubeConfigOptions();
        var explicitFile = options.Path ?? options.Environment("KUBECONFIG");
        if (string.IsNullOrEmpty(explicitFile) && InClusterConfig.IsInCluster(options.Environment))
        {
            return InClusterConfig.Load(options.Environment, InClusterConfig.ServiceAccountDirectory, time);
        }
        return LoadKubeConfig(options, time);
    }

    /// <summary>Reads and merges the kubeconfig files and resolves the chosen context.</summary>
    /// <exception cref="KubeConfigException">A file or field is missing or invalid; the message names both.</exception>
    public static KubernetesClientConfiguration LoadKubeConfig(KubeConfigOptions? options, TimeProvider time) =>
        KubeConfigLoader.Load(options ?? new KubeConfigOptions(), time);

    /// <summary>The pod's service account: <c>KUBERNETES_SERVICE_HOST/PORT</c>, token (re-read as it rotates), CA, namespace.</summary>
    public static KubernetesClientConfiguration LoadInCluster(TimeProvider time) =>
        InClusterConfig.Load(Environment.GetEnvironmentVariable, InClusterConfig.ServiceAccountDirectory, time);
}
