using CiBridge.Entities;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Configuration;
using CiBridge.Kubernetes.Yaml;
using CiBridge.Operator.Hosting;
using CiBridge.Sandbox.ApiServer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CiBridge.Sandbox.Host;

/// <summary>
/// The whole sandbox: the API server (already started, CRDs installed), a Jenkins, the operator
/// itself, and the samples applied, with their progress shown until Ctrl-C.
/// </summary>
internal static class SandboxSession
{
    public static async Task RunAsync(SandboxApiServer server, SandboxOptions options, CancellationToken ct)
    {
        await using var jenkins = await SandboxJenkins.StartAsync(options, ct);
        Console.Out.WriteLine($"Jenkins: {jenkins.Url}" + (jenkins.StandIn is null ? "" : $" (stand-in; user {jenkins.User}, example jobs)"));
        await using var operatorHost = OperatorHost.Build(new OperatorOptions
        {
            Kubeconfig = options.Kubeconfig.FullName,
            ListenAddress = "127.0.0.1",
            HealthPort = 0,
            MetricsPort = null,
            LogFormat = "text",
            LogLevel = "Warning",
        }, services => services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>());
        await operatorHost.StartAsync(ct);
        Console.Out.WriteLine("Operator: running against the sandbox (warnings and errors are logged here).");
        foreach (var sample in SandboxSamples.For(jenkins, options.Namespace)) await server.ApplyAsync(YamlJson.Write(sample), ct);
        Console.Out.WriteLine($"Applied config/samples to namespace {options.Namespace}. Watch them with kubectl too:");
        Console.Out.WriteLine($"  kubectl get cibridge -w    kubectl describe citask build-process-war");
        Console.Out.WriteLine("Press Ctrl-C to stop.");
        var config = KubernetesConfig.LoadKubeConfig(new KubeConfigOptions { Path = options.Kubeconfig.FullName }, TimeProvider.System);
        var client = KubernetesClientFactory.Create(config, new KubernetesClientOptions { FieldManager = "ci-bridge-sandbox" },
            KubernetesJson.CreateOptions(EntitiesJsonContext.Default), TimeProvider.System);
        try
        {
            await new SandboxProgress(client, options.Namespace, TimeProvider.System).RunAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Ctrl-C: the normal way to leave the sandbox.
        }
        finally
        {
            (client as IDisposable)?.Dispose();
            await operatorHost.StopAsync(CancellationToken.None);
        }
    }
}
