using CiBridge.Entities;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Configuration;
using CiBridge.Kubernetes.Models;
using CiBridge.Operator.Crds;
using CiBridge.Operator.Hosting;
using CiBridge.Sandbox;
using CiBridge.Sandbox.ApiServer;
using CiBridge.Sandbox.Jenkins;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CiBridge.EndToEnd.Tests;

/// <summary>
/// A sandbox API server with our CRDs, a Jenkins stand-in with the example jobs, and the real
/// operator host running against them; plus a client for the test to act as a user would.
/// </summary>
public sealed class OperatorEnvironment : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cibridge-e2e-").FullName;
    private WebApplication? _operator;
    private Action<IServiceCollection>? _configure;
    private Action<OperatorOptions>? _options;

    private OperatorEnvironment(SandboxApiServer api, JenkinsStandIn jenkins)
    {
        Api = api;
        Jenkins = jenkins;
        KubeconfigPath = Path.Combine(_directory, "kubeconfig");
        api.WriteKubeconfig(KubeconfigPath);
        var config = KubernetesConfig.LoadKubeConfig(new KubeConfigOptions { Path = KubeconfigPath }, TimeProvider.System);
        Json = KubernetesJson.CreateOptions(EntitiesJsonContext.Default);
        Client = KubernetesClientFactory.Create(config, new KubernetesClientOptions { FieldManager = "e2e-test", Qps = 500, Burst = 500 }, Json, TimeProvider.System);
    }

    public SandboxApiServer Api { get; }

    public JenkinsStandIn Jenkins { get; }

    public IKubernetesClient Client { get; }

    public System.Text.Json.JsonSerializerOptions Json { get; }

    public string KubeconfigPath { get; }

    /// <summary>What the operator logged, across restarts.</summary>
    public CapturedLogs Logs { get; } = new();

    /// <param name="ct">Cancels start-up.</param>
    /// <param name="configure">Replaces operator services for one test (for example shorter back-offs).</param>
    /// <param name="jenkinsTime">The Jenkins stand-in's clock, for a test that moves the operator's clock too.</param>
    /// <param name="options">Changes the operator's flags for one test.</param>
    public static async Task<OperatorEnvironment> StartAsync(
        CancellationToken ct, Action<IServiceCollection>? configure = null, TimeProvider? jenkinsTime = null, Action<OperatorOptions>? options = null)
    {
        var api = await SandboxApiServer.StartAsync(new SandboxApiServerOptions(), ct);
        foreach (var (_, yaml) in CrdManifests.Render()) await api.ApplyAsync(yaml, ct);
        var jenkins = await JenkinsStandIn.StartAsync(new JenkinsStandInOptions { TimeProvider = jenkinsTime ?? TimeProvider.System }, ct);
        JenkinsStandInExample.Apply(jenkins);
        var environment = new OperatorEnvironment(api, jenkins) { _configure = configure, _options = options };
        await environment.StartOperatorAsync(ct);
        return environment;
    }

    /// <summary>Starts the operator (again, after <see cref="StopOperatorAsync"/>).</summary>
    public async Task StartOperatorAsync(CancellationToken ct)
    {
        var options = new OperatorOptions
        {
            Kubeconfig = KubeconfigPath,
            ListenAddress = "127.0.0.1",
            HealthPort = 0,
            MetricsPort = null,
            LogFormat = "text",
            MaxConcurrentReconciles = 4,
            KubeApiQps = 500,
            KubeApiBurst = 1000,
            LogLevel = "Debug",
        };
        _options?.Invoke(options);
        _operator = OperatorHost.Build(options, services =>
        {
            services.AddSingleton<ILoggerProvider>(Logs);
            services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
            _configure?.Invoke(services);
        });
        await _operator.StartAsync(ct);
        var addresses = _operator.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        OperatorAddress = new Uri(addresses.First());
    }

    /// <summary>Where the running operator serves /healthz, /readyz and /metrics.</summary>
    public Uri? OperatorAddress { get; private set; }

    /// <summary>Stops the operator the hard way a crash would: nothing is drained or handed over.</summary>
    public async Task StopOperatorAsync()
    {
        if (_operator is null) return;
        await _operator.StopAsync(new CancellationToken(canceled: true));
        await _operator.DisposeAsync();
        _operator = null;
    }

    /// <summary>A name for a fresh namespace.</summary>
    public static string NewNamespaceName() => $"t-{Guid.NewGuid():N}"[..14];

    /// <summary>A fresh namespace for one test (named <paramref name="name"/>, or a new name).</summary>
    public async Task<string> CreateNamespaceAsync(CancellationToken ct, string? name = null)
    {
        name ??= NewNamespaceName();
        await Client.CreateAsync(new Namespace { Metadata = new ObjectMeta { Name = name } }, ct);
        return name;
    }

    public async ValueTask DisposeAsync()
    {
        await StopOperatorAsync();
        (Client as IDisposable)?.Dispose();
        await Jenkins.DisposeAsync();
        await Api.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
