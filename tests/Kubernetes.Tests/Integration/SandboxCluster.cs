using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Configuration;
using CiBridge.Kubernetes.Models;
using CiBridge.Kubernetes.Tests.Support;
using CiBridge.Sandbox.ApiServer;

namespace CiBridge.Kubernetes.Tests.Integration;

/// <summary>
/// One sandbox API server for the integration tests, reached the way the operator reaches a real
/// cluster: through the kubeconfig it writes (CA data and token) and our configuration loader.
/// </summary>
public sealed class SandboxCluster : IAsyncLifetime
{
    private const string WidgetCrd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: widgets.example.com}
        spec:
          group: example.com
          names: {kind: Widget, plural: widgets, singular: widget, listKind: WidgetList}
          scope: Namespaced
          versions:
          - name: v1
            served: true
            storage: true
            subresources: {status: {}}
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec: {type: object, x-kubernetes-preserve-unknown-fields: true}
                  status: {type: object, x-kubernetes-preserve-unknown-fields: true}
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("k8s-it-").FullName;
    private SandboxApiServer? _server;

    public KubernetesClientConfiguration Configuration { get; private set; } = null!;

    public static System.Text.Json.JsonSerializerOptions Json { get; } = KubernetesJson.CreateOptions(TestJsonContext.Default);

    public async ValueTask InitializeAsync()
    {
        _server = await SandboxApiServer.StartAsync(new SandboxApiServerOptions());
        await _server.ApplyAsync(WidgetCrd);
        var kubeconfig = Path.Combine(_directory, "kubeconfig");
        _server.WriteKubeconfig(kubeconfig);
        Configuration = KubernetesConfig.LoadKubeConfig(
            new KubeConfigOptions { Path = kubeconfig, Environment = _ => null }, TimeProvider.System);
    }

    public IKubernetesClient Client(HttpMessageHandler? handler = null, double qps = 1000) =>
        KubernetesClientFactory.Create(
            Configuration,
            new KubernetesClientOptions { FieldManager = "integration-test", Qps = qps, Burst = (int)qps },
            Json,
            TimeProvider.System,
            handler);

    /// <summary>A fresh namespace per test.</summary>
    public async Task<string> NamespaceAsync(string prefix, CancellationToken ct)
    {
        var name = $"{prefix}-{Guid.NewGuid().ToString("N")[..6]}";
        await Client().CreateAsync(new Namespace { Metadata = new ObjectMeta { Name = name } }, ct);
        return name;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
