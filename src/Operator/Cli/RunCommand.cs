using System.CommandLine;
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
        var providers = new Option<string>("--approved-providers") { Description = "Comma-separated approved provider kinds.", DefaultValueFactory = _ => "JenkinsEndpoint" };
        var namespaces = new Option<string?>("--watch-namespaces") { Description = "Comma-separated namespaces to handle (default: all)." };
        var workers = new Option<int>("--max-concurrent-reconciles") { Description = "Workers per controller.", DefaultValueFactory = _ => 4 };
        var leader = new Option<bool>("--leader-election") { Description = "Run controllers only while holding the lease." };
        var lease = new Option<string>("--leader-election-lease") { Description = "Name of the Lease.", DefaultValueFactory = _ => "ci-bridge-leader" };
        var logFormat = new Option<string>("--log-format") { Description = "json or text.", DefaultValueFactory = _ => "json" };
        logFormat.AcceptOnlyFromAmong("json", "text");
        var health = new Option<int>("--health-port") { Description = "Port of /healthz and /readyz.", DefaultValueFactory = _ => 8081 };
        var metrics = new Option<int>("--metrics-port") { Description = "Port of /metrics.", DefaultValueFactory = _ => 8080 };
        var webhook = new Option<int?>("--webhook-port") { Description = "HTTPS port of the admission webhook (needs --webhook-cert-dir)." };
        var certDir = new Option<string?>("--webhook-cert-dir") { Description = "Folder with tls.crt and tls.key." };
        var qps = new Option<double>("--kube-api-qps") { Description = "Requests per second to the API server.", DefaultValueFactory = _ => 20 };
        var burst = new Option<int>("--kube-api-burst") { Description = "Burst of requests to the API server.", DefaultValueFactory = _ => 30 };
        var kubeconfig = new Option<string?>("--kubeconfig") { Description = "kubeconfig file (default: KUBECONFIG, ~/.kube/config, or in-cluster)." };
        var context = new Option<string?>("--context") { Description = "kubeconfig context to use." };
        foreach (var option in new Option[] { providers, namespaces, workers, leader, lease, logFormat, health, metrics, webhook, certDir, qps, burst, kubeconfig, context })
        {
            command.Options.Add(option);
        }
        command.SetAction(async (result, ct) =>
        {
            var options = new OperatorOptions
            {
                ApprovedProviders = Split(result.GetValue(providers)),
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
            await using var app = OperatorHost.Build(options);
            await app.StartAsync(ct);
            await app.WaitForShutdownAsync(ct);
            await app.StopAsync(CancellationToken.None);
            return 0;
        });
    }

    private static string[] Split(string? value) =>
        (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
