using CiBridge.Entities.JenkinsEndpoints;
using CiBridge.Entities.Validation;

namespace CiBridge.Operator.Hosting;

/// <summary>The operator's settings (flags of <c>ci-bridge run</c>; docs/install.md lists them).</summary>
public sealed class OperatorOptions
{
    /// <value>Defaults to <c>[JenkinsEndpoint]</c>.</value>
    public IReadOnlyList<string> ApprovedProviders { get; set; } = [JenkinsEndpoint.KindName];

    /// <summary>
    /// ConfigMap (<c>NAME</c> in the operator's namespace, or <c>NAMESPACE/NAME</c>) whose key
    /// <c>approvedProviders</c> replaces <see cref="ApprovedProviders"/> and is watched for changes;
    /// null keeps the list fixed.
    /// </summary>
    public string? ApprovedProvidersConfigMap { get; set; }

    /// <summary>
    /// Addresses and CIDR ranges endpoints may not point at: refused by the webhook and the endpoint
    /// controller, and again after DNS resolution when connecting. Empty turns the check off.
    /// </summary>
    /// <value>Defaults to link-local ranges and the clouds' metadata addresses (<see cref="RefusedNetworks.DefaultCidrs"/>).</value>
    public IReadOnlyList<string> RefusedEndpointNetworks { get; set; } = RefusedNetworks.DefaultCidrs;

    /// <summary>Namespaces to handle; empty means all.</summary>
    public IReadOnlyList<string> WatchNamespaces { get; set; } = [];

    /// <value>Defaults to 16 workers per controller: reconciles wait on Jenkins and the API server, not the CPU (docs/performance.md).</value>
    public int MaxConcurrentReconciles { get; set; } = 16;

    public bool LeaderElection { get; set; }

    /// <value>Defaults to <c>ci-bridge-leader</c>.</value>
    public string LeaderElectionLease { get; set; } = "ci-bridge-leader";

    /// <summary>Namespace of the lease; defaults to POD_NAMESPACE, then the kubeconfig's namespace.</summary>
    public string? LeaderElectionNamespace { get; set; }

    /// <summary>Client-side rate limit towards the API server (controller-runtime's default is 20 / 30).</summary>
    public double KubeApiQps { get; set; } = 20;

    public int KubeApiBurst { get; set; } = 30;

    /// <summary>Lowest level logged: Debug, Information, Warning or Error.</summary>
    public string LogLevel { get; set; } = "Information";

    /// <summary>json or text.</summary>
    public string LogFormat { get; set; } = "json";

    /// <summary>Port of /healthz and /readyz; 0 picks a free port; null serves none.</summary>
    public int? HealthPort { get; set; } = 8081;

    /// <summary>Port of /metrics (Prometheus text format).</summary>
    public int? MetricsPort { get; set; } = 8080;

    /// <summary>HTTPS port of the admission webhook; null serves none.</summary>
    public int? WebhookPort { get; set; }

    /// <summary>Folder with tls.crt and tls.key for the webhook.</summary>
    public string? WebhookCertDir { get; set; }

    /// <summary>Explicit kubeconfig file; null uses KUBECONFIG, ~/.kube/config or in-cluster config.</summary>
    public string? Kubeconfig { get; set; }

    /// <summary>kubeconfig context to use instead of the current one.</summary>
    public string? Context { get; set; }

    /// <summary>Address to listen on; "0.0.0.0" in a pod, loopback for local runs.</summary>
    public string ListenAddress { get; set; } = "0.0.0.0";
}
