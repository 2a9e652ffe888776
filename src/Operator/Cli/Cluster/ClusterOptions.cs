using System.CommandLine;
using CiBridge.Entities;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Configuration;

namespace CiBridge.Operator.Cli.Cluster;

/// <summary>
/// The options every cluster verb shares (as kubectl spells them) and the client they give: the
/// current kubeconfig context, or the pod's service account, acting with the user's own RBAC.
/// </summary>
internal sealed class ClusterOptions
{
    public Option<string?> Kubeconfig { get; } = new("--kubeconfig") { Description = "kubeconfig file (default: KUBECONFIG, then ~/.kube/config)." };
    public Option<string?> Context { get; } = new("--context") { Description = "kubeconfig context to use (default: the current context)." };
    public Option<string?> Namespace { get; } = new("--namespace", "-n") { Description = "Namespace of the object (default: the context's namespace)." };

    public void AddTo(Command command)
    {
        command.Options.Add(Kubeconfig);
        command.Options.Add(Context);
        command.Options.Add(Namespace);
    }

    /// <summary>A client and the namespace to work in; a broken kubeconfig throws <see cref="KubeConfigException"/> naming the file and field.</summary>
    public (IKubernetesClient Client, string Namespace) Connect(ParseResult result)
    {
        var options = new KubeConfigOptions { Path = result.GetValue(Kubeconfig), Context = result.GetValue(Context), Namespace = result.GetValue(Namespace) };
        var config = KubernetesConfig.LoadDefault(options, TimeProvider.System);
        var client = KubernetesClientFactory.Create(
            config,
            new KubernetesClientOptions { FieldManager = CliFieldManager, UserAgent = CliFieldManager, MaxRetries = 2 },
            KubernetesJson.CreateOptions(EntitiesJsonContext.Default),
            TimeProvider.System);
        return (client, result.GetValue(Namespace) ?? config.Namespace);
    }

    /// <summary>The CLI's writes (request annotations) are the user's, not the operator's.</summary>
    private const string CliFieldManager = "kubectl-cibridge";
}
