using System.CommandLine;
using CiBridge.Kubernetes.Configuration;
using CiBridge.Operator.Hosting;
using Microsoft.Extensions.Hosting;

namespace CiBridge.Operator.Cli;

/// <summary>
/// <c>run</c> (also what runs without a verb): the operator against the current kubeconfig context
/// or, inside a pod, the in-cluster configuration. Flags mirror the Helm chart's values.
/// </summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var command = new Command("run", "Run the operator (the default when no command is given).");
        Attach(command);
        return command;
    }

    /// <summary>Adds the run flags and action to <paramref name="command"/> (the root uses them too).</summary>
    public static void Attach(Command command)
    {
        var settings = RunSettings.Load();
        var providers = new Option<string>("--approved-providers") { Description = "Comma-separated approved provider kinds.", DefaultValueFactory = r => settings.Get(r, "ApprovedProviders", "JenkinsEndpoint") };
        var providersConfigMap = new Option<string?>("--approved-providers-configmap") { Description = "ConfigMap (NAME or NAMESPACE/NAME) whose key approvedProviders replaces --approved-providers and is watched for changes.", DefaultValueFactory = r => settings.Get<string?>(r, "ApprovedProvidersConfigMap", null) };
        var refused = new Option<string>("--refused-endpoint-networks") { Description = "Comma-separated addresses and CIDR ranges endpoints may not point at (default: link-local and cloud metadata ranges; empty turns the check off).", DefaultValueFactory = r => settings.Get(r, "RefusedEndpointNetworks", string.Join(',', Entities.Validation.RefusedNetworks.DefaultCidrs)) };
        var namespaces = new Option<string?>("--watch-namespaces") { Description = "Comma-separated namespaces to handle (default: all).", DefaultValueFactory = r => settings.Get<string?>(r, "WatchNamespaces", null) };
        var workers = new Option<int>("--max-concurrent-reconciles") { Description = "Workers per controller.", DefaultValueFactory = r => settings.Get(r, "MaxConcurrentReconciles", 16) };
        var leader = new Option<bool>("--leader-election") { Description = "Run controllers only while holding the lease.", DefaultValueFactory = r => settings.Get(r, "LeaderElection", false) };
        var lease = new Option<string>("--leader-election-lease") { Description = "Name of the Lease.", DefaultValueFactory = r => settings.Get(r, "LeaderElectionLease", "ci-bridge-leader") };
        var logFormat = new Option<string>("--log-format") { Description = "json or text.", DefaultValueFactory = r => settings.Get(r, "LogFormat", "json") };
        logFormat.AcceptOnlyFromAmong("json", "text");
        var health = new Option<int>("--health-port") { Description = "Port of /healthz and /readyz.", DefaultValueFactory = r => settings.Get(r, "HealthPort", 8081) };
        var metrics = new Option<int>("--metrics-port") { Description = "Port of /metrics.", DefaultValueFactory = r => settings.Get(r, "MetricsPort", 8080) };
        var webhook = new Option<int?>("--webhook-port") { Description = "HTTPS port of the admission webhook (needs --webhook-cert-dir).", DefaultValueFactory = r => settings.Get<int?>(r, "WebhookPort", null) };
        var certDir = new Option<string?>("--webhook-cert-dir") { Description = "Folder with tls.crt and tls.key.", DefaultValueFactory = r => settings.Get<string?>(r, "WebhookCertDir", null) };
        var qps = new Option<double>("--kube-api-qps") { Description = "Requests per second to the API server.", DefaultValueFactory = r => settings.Get(r, "KubeApiQps", 20.0) };
        var burst = new Option<int>("--kube-api-burst") { Description = "Burst of requests to the API server.", DefaultValueFactory = r => settings.Get(r, "KubeApiBurst", 30) };
        var kubeconfig = new Option<string?>("--kubeconfig") { Description = "kubeconfig file (default: KUBECONFIG, ~/.kube/config, or in-cluster).", DefaultValueFactory = r => settings.Get<string?>(r, "Kubeconfig", null) };
        var context = new Option<string?>("--context") { Description = "kubeconfig context to use.", DefaultValueFactory = r => settings.Get<string?>(r, "Context", null) };
        foreach (var option in new Option[] { providers, providersConfigMap, refused, namespaces, workers, leader, lease, logFormat, health, metrics, webhook, certDir, qps, burst, kubeconfig, context })
        {
            command.Options.Add(option);
        }
        command.SetAction(async (result, ct) =>
        {
            var options = new OperatorOptions
            {
                ApprovedProviders = Split(result.GetValue(providers)),
                ApprovedProvidersConfigMap = result.GetValue(providersConfigMap),
                RefusedEndpointNetworks = Split(result.GetValue(refused)),
                WatchNamespaces = Split(result.GetValue(namespaces)),
                MaxConcurrentReconciles = result.GetValue(workers),
                LeaderElection = result.GetValue(leader),
                LeaderElectionLease = result.GetValue(lease)!,
                LogFormat = result.GetValue(logFormat)!,
                HealthPort = result.GetValue(health),
                MetricsPort = result.GetValue(metrics),
                WebhookPort = result.GetValue(webhook),
                WebhookCertDir = result.GetValue(certDir),
                KubeApiQps = result.GetValue(qps),
                KubeApiBurst = result.GetValue(burst),
                Kubeconfig = result.GetValue(kubeconfig),
                Context = result.GetValue(context),
            };
            try
            {
                // Read the cluster configuration before anything starts, so a wrong kubeconfig is one
                // clear line (which file, which field) instead of a host start-up failure.
                KubernetesConfig.LoadDefault(new KubeConfigOptions { Path = options.Kubeconfig, Context = options.Context }, TimeProvider.System);
                await using var app = OperatorHost.Build(options);
                await app.StartAsync(ct);
                await app.WaitForShutdownAsync(ct);
                await app.StopAsync(CancellationToken.None);
                return 0;
            }
            catch (Exception e) when (e is KubeConfigException or ArgumentException or IOException or System.Security.Cryptography.CryptographicException)
            {
                await result.InvocationConfiguration.Error.WriteLineAsync($"error: {e.Message}");
                return 2;
            }
        });
    }

    private static string[] Split(string? value) =>
        (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
