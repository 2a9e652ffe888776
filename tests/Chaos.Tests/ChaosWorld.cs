using System.Collections.Concurrent;
using System.Text;
using CiBridge.Entities;
using CiBridge.Entities.JenkinsEndpoints;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Configuration;
using CiBridge.Kubernetes.Models;
using CiBridge.Operator.Crds;
using CiBridge.Sandbox.ApiServer;
using CiBridge.Sandbox.ApiServer.Faults;
using CiBridge.Sandbox.Jenkins;
using CiBridge.Sandbox.Jenkins.Faults;

namespace CiBridge.Chaos.Tests;

/// <summary>
/// The sandbox API server with our CRDs and the Jenkins stand-in with the suite's jobs, both in the
/// test process; one namespace with credentials and an endpoint; a client for the test to act as a
/// user would. The operator is not part of it: the suite starts and kills it as a process.
/// </summary>
internal sealed class ChaosWorld : IAsyncDisposable
{
    public const string Namespace = "chaos";
    public const string EndpointName = "jenkins";
    private const string User = "cibridge";

    private readonly string _directory = Directory.CreateTempSubdirectory("cibridge-chaos-").FullName;

    private ChaosWorld(SandboxApiServer api, JenkinsStandIn jenkins, string token)
    {
        Api = api;
        Jenkins = jenkins;
        Token = token;
        api.WriteKubeconfig(KubeconfigPath, Namespace);
        var config = KubernetesConfig.LoadKubeConfig(new KubeConfigOptions { Path = KubeconfigPath }, TimeProvider.System);
        Json = KubernetesJson.CreateOptions(EntitiesJsonContext.Default);
        Client = KubernetesClientFactory.Create(config, new KubernetesClientOptions { FieldManager = "chaos-test", Qps = 500, Burst = 500 }, Json, TimeProvider.System);
    }

    public SandboxApiServer Api { get; }

    public JenkinsStandIn Jenkins { get; }

    /// <summary>The endpoint user's API token: a canary that must never show up in a status, an Event or a log line.</summary>
    public string Token { get; }

    public IKubernetesClient Client { get; }

    public System.Text.Json.JsonSerializerOptions Json { get; }

    public string KubeconfigPath => Path.Combine(_directory, "kubeconfig");

    /// <summary>Every line every operator process printed.</summary>
    public ConcurrentQueue<string> OperatorLog { get; } = new();

    public static async Task<ChaosWorld> StartAsync(int seed, CancellationToken ct)
    {
        var api = await SandboxApiServer.StartAsync(new SandboxApiServerOptions { Faults = new ApiFaults(seed) }, ct);
        foreach (var (_, yaml) in CrdManifests.Render()) await api.ApplyAsync(yaml, ct);
        var jenkins = await JenkinsStandIn.StartAsync(new JenkinsStandInOptions { Executors = 64, FaultSeed = seed }, ct);
        var token = $"chaoscanary{seed:x8}{Guid.NewGuid():N}"[..34];
        jenkins.AddUser(User, apiToken: token);
        ChaosJobs.Add(jenkins);
        var world = new ChaosWorld(api, jenkins, token);
        await world.CreateEndpointAsync(ct);
        return world;
    }

    /// <summary>
    /// Turns the faults on: a share of the operator's writes answered 409, 429, 500 or 503, watches
    /// closed early or expired on resume, latency; Jenkins answering 502 or resetting after it
    /// queued a trigger, resets before acting, latency, and finished queue items forgotten.
    /// </summary>
    public void InjectFaults()
    {
        foreach (var status in new[] { 409, 429, 500, 503 })
        {
            Api.Faults.Add(new ApiFault { Kind = ApiFaultKind.Error, Resource = "citasks/status", Status = status, Probability = 0.03, RetryAfter = TimeSpan.FromMilliseconds(200) });
            Api.Faults.Add(new ApiFault { Kind = ApiFaultKind.Error, Resource = "events", Status = status, Probability = 0.03, RetryAfter = TimeSpan.FromMilliseconds(200) });
            Api.Faults.Add(new ApiFault { Kind = ApiFaultKind.Error, Verb = "patch", Resource = "citasks", Status = status, Probability = 0.03, RetryAfter = TimeSpan.FromMilliseconds(200) });
        }
        Api.Faults.Add(new ApiFault { Kind = ApiFaultKind.ExpireWatch, Probability = 0.3 });
        Api.Faults.Add(new ApiFault { Kind = ApiFaultKind.CloseWatch, Delay = TimeSpan.FromSeconds(5) });
        Api.Faults.Add(new ApiFault { Kind = ApiFaultKind.Latency, Probability = 0.2, Delay = TimeSpan.FromMilliseconds(30) });
        Jenkins.InjectFault(new StandInFault(FaultKind.BadGatewayAfterHandling, PathContains: "/build", Method: "POST", Probability: 0.2));
        Jenkins.InjectFault(new StandInFault(FaultKind.ResetAfterHandling, PathContains: "/build", Method: "POST", Probability: 0.1));
        Jenkins.InjectFault(new StandInFault(FaultKind.Reset, Method: "GET", Probability: 0.03));
        Jenkins.InjectFault(new StandInFault(FaultKind.ForgetQueueItem, Probability: 0.2));
        Jenkins.InjectFault(new StandInFault(FaultKind.Latency, Probability: 0.2, Latency: TimeSpan.FromMilliseconds(50)));
    }

    private async Task CreateEndpointAsync(CancellationToken ct)
    {
        await Client.CreateAsync(new Namespace { Metadata = new ObjectMeta { Name = Namespace } }, ct);
        await Client.CreateAsync(new Secret
        {
            Metadata = new ObjectMeta { Name = "jenkins-credentials", Namespace = Namespace },
            Data = new() { ["username"] = Encoding.UTF8.GetBytes(User), ["token"] = Encoding.UTF8.GetBytes(Token) },
        }, ct);
        await Client.CreateAsync(new JenkinsEndpoint
        {
            Metadata = new ObjectMeta { Name = EndpointName, Namespace = Namespace },
            Spec = new JenkinsEndpointSpec
            {
                Url = Jenkins.BaseAddress.ToString(),
                AllowInsecureHttp = true,
                CredentialsSecretRef = new LocalObjectReference { Name = "jenkins-credentials" },
            },
        }, ct);
    }

    public async ValueTask DisposeAsync()
    {
        (Client as IDisposable)?.Dispose();
        await Jenkins.DisposeAsync();
        await Api.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
