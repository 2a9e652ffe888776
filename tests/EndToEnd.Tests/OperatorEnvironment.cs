using CiBridge.Entities;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Configuration;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Models;
using CiBridge.Operator.Crds;
using CiBridge.Operator.Hosting;
using CiBridge.Sandbox;
using CiBridge.Sandbox.ApiServer;
using CiBridge.Sandbox.Jenkins;
using CiBridge.TestKit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CiBridge.EndToEnd.Tests;

/// <summary>
/// An API server with our CRDs (the sandbox, or a real cluster for the real-cluster tier), a Jenkins
/// stand-in with the example jobs, and the real operator host running against them; plus a client
/// for the test to act as a user would.
/// </summary>
public sealed class OperatorEnvironment : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cibridge-e2e-").FullName;
    private readonly SandboxApiServer? _api;
    private readonly List<string> _namespaces = [];
    private WebApplication? _operator;
    private Action<IServiceCollection>? _configure;
    private Action<OperatorOptions>? _options;

    // api: the sandbox to run against, or null for the real cluster that kubeconfig names.
    private OperatorEnvironment(SandboxApiServer? api, string? kubeconfig, JenkinsStandIn jenkins)
    {
        _api = api;
        Jenkins = jenkins;
        KubeconfigPath = kubeconfig ?? Path.Combine(_directory, "kubeconfig");
        api?.WriteKubeconfig(KubeconfigPath);
        var config = KubernetesConfig.LoadKubeConfig(new KubeConfigOptions { Path = KubeconfigPath }, TimeProvider.System);
        Json = KubernetesJson.CreateOptions(EntitiesJsonContext.Default, Operator.Controllers.Revisions.GitOpsJsonContext.Default);
        Client = KubernetesClientFactory.Create(config, new KubernetesClientOptions { FieldManager = "e2e-test", Qps = 500, Burst = 500 }, Json, TimeProvider.System);
    }

    /// <summary>The sandbox API server; tests that need one do not run in the real-cluster tier.</summary>
    public SandboxApiServer Api => _api ?? throw new InvalidOperationException("this environment runs against a real cluster, not the sandbox");

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
    /// <param name="gitOpsCrds">Install the Flux GitRepository and Argo CD Application CRDs (false: a cluster without Flux or Argo CD).</param>
    public static async Task<OperatorEnvironment> StartAsync(
        CancellationToken ct, Action<IServiceCollection>? configure = null, TimeProvider? jenkinsTime = null, Action<OperatorOptions>? options = null,
        bool gitOpsCrds = true)
    {
        var api = await SandboxApiServer.StartAsync(new SandboxApiServerOptions(), ct);
        foreach (var (_, yaml) in CrdManifests.Render()) await api.ApplyAsync(yaml, ct);
        if (gitOpsCrds)
        {
            foreach (var yaml in Sandbox.GitOps.GitOpsCrds.Render()) await api.ApplyAsync(yaml, ct);
        }
        var jenkins = await JenkinsStandIn.StartAsync(new JenkinsStandInOptions { TimeProvider = jenkinsTime ?? TimeProvider.System }, ct);
        JenkinsStandInExample.Apply(jenkins);
        var environment = new OperatorEnvironment(api, null, jenkins) { _configure = configure, _options = options };
        await environment.StartOperatorAsync(ct);
        return environment;
    }

    /// <summary>
    /// The same against the real cluster <paramref name="kubeconfig"/> names: our CRDs are applied
    /// there, and the namespaces the tests create are deleted again on dispose.
    /// </summary>
    public static async Task<OperatorEnvironment> StartOnClusterAsync(string kubeconfig, CancellationToken ct, Action<OperatorOptions>? options = null)
    {
        await ClusterCrds.ApplyAsync(kubeconfig, ct);
        var jenkins = await JenkinsStandIn.StartAsync(new JenkinsStandInOptions(), ct);
        JenkinsStandInExample.Apply(jenkins);
        var environment = new OperatorEnvironment(null, kubeconfig, jenkins) { _options = options };
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
        lock (_namespaces) _namespaces.Add(name);
        return name;
    }

    public async ValueTask DisposeAsync()
    {
        if (_api is null) await DeleteNamespacesAsync();
        await StopOperatorAsync();
        (Client as IDisposable)?.Dispose();
        await Jenkins.DisposeAsync();
        if (_api is not null) await _api.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>
    /// A real cluster outlives the test run: leave it as it was found. The operator still runs, so it
    /// releases the finalizers of our objects and the namespaces can go.
    /// </summary>
    private async Task DeleteNamespacesAsync()
    {
        foreach (var name in _namespaces) await Client.DeleteAsync<Namespace>(new ObjectKey(null, name), CancellationToken.None);
        foreach (var name in _namespaces)
        {
            await Eventually.HoldsAsync(() => Client.GetAsync<Namespace>(new ObjectKey(null, name), CancellationToken.None).AsTask(), ns => ns is null,
                $"namespace {name} deleted", TimeSpan.FromMinutes(2));
        }
    }
}
