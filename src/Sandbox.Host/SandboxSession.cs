using CiBridge.Entities;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Configuration;
using CiBridge.Kubernetes.Yaml;
using CiBridge.Operator.Hosting;
using CiBridge.Sandbox.ApiServer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog.Extensions.Logging;

namespace CiBridge.Sandbox.Host;

/// <summary>
/// The whole sandbox: the API server (already started, CRDs installed), a Jenkins, the operator
/// itself with its admission webhook registered, and the samples applied, with their progress
/// shown until Ctrl-C.
/// </summary>
internal static class SandboxSession
{
    public static async Task RunAsync(SandboxApiServer server, SandboxOptions options, CancellationToken ct)
    {
        await using var jenkins = await SandboxJenkins.StartAsync(options, ct);
        Console.Out.WriteLine($"Jenkins: {jenkins}");
        using var webhook = SandboxWebhook.Create(options.StateDirectory, TimeProvider.System);
        await using var operatorHost = BuildOperator(options, webhook);
        await operatorHost.StartAsync(ct);
        await server.ApplyAsync(YamlJson.Write(webhook.Configuration(WebhookAddress(operatorHost))), ct);
        Console.Out.WriteLine("Operator: running against the sandbox, its admission webhook registered (warnings and errors are logged here).");
        var samples = SandboxSamples.For(jenkins, options.Namespace);
        foreach (var sample in samples.Targeted) await server.ApplyAsync(YamlJson.Write(sample), ct);
        Console.Out.WriteLine($"Applied config/samples to namespace {options.Namespace}, pointed at that Jenkins. Watch them with kubectl too:");
        Console.Out.WriteLine($"  kubectl get cibridge -w    kubectl describe citask build-process-war");
        Console.Out.WriteLine("Press Ctrl-C to stop.");
        var config = KubernetesConfig.LoadKubeConfig(new KubeConfigOptions { Path = options.Kubeconfig.FullName }, TimeProvider.System);
        var client = KubernetesClientFactory.Create(config, new KubernetesClientOptions { FieldManager = "ci-bridge-sandbox" },
            KubernetesJson.CreateOptions(EntitiesJsonContext.Default), TimeProvider.System);
        try
        {
            await Task.WhenAll(
                new SandboxProgress(client, options.Namespace, TimeProvider.System).RunAsync(ct),
                new SampleRetargeting(client, samples, jenkins, TimeProvider.System).RunAsync(ct));
        }
        finally
        {
            (client as IDisposable)?.Dispose();
            await operatorHost.StopAsync(CancellationToken.None);
        }
    }

    private static WebApplication BuildOperator(SandboxOptions options, SandboxWebhook webhook) => OperatorHost.Build(new OperatorOptions
    {
        Kubeconfig = options.Kubeconfig.FullName,
        ListenAddress = "127.0.0.1",
        HealthPort = 0,
        MetricsPort = null,
        WebhookPort = 0,
        WebhookCertDir = webhook.CertDirectory,
        LogFormat = "text",
        LogLevel = "Warning",
    }, services =>
    {
        services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
        // A failed Jenkins request is logged again by the reconcile that made it (and shows on
        // status and as an Event); here, where people read the log, each failure is said once.
        // Serilog's provider carries a filter of its own, so the rule must name that provider.
        services.AddLogging(logging => logging.AddFilter<SerilogLoggerProvider>("CiBridge.Jenkins", LogLevel.Error));
    });

    /// <summary>The webhook's https:// address (the health port is the plain http:// one).</summary>
    private static Uri WebhookAddress(WebApplication host) => new(host.Services.GetRequiredService<IServer>().Features
        .Get<IServerAddressesFeature>()!.Addresses.Single(a => a.StartsWith("https://", StringComparison.Ordinal)));
}
