using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using CiBridge.Entities;
using CiBridge.Operator.Crds;
using CiBridge.Sandbox.ApiServer;
using CiBridge.Sandbox.Jenkins;
using CiBridge.Sandbox.Jenkins.Faults;
using CiBridge.Sandbox.Jenkins.Model;

namespace CiBridge.Operator.Benchmarks;

/// <summary>
/// What the operator runs against: the sandbox API server with our CRDs, the Jenkins stand-in
/// (every request delayed by the configured latency) behind a counting proxy, a namespace with
/// credentials and a JenkinsEndpoint, and a plain Jenkins client for the bare-client floor.
/// </summary>
internal sealed class BenchWorld : IAsyncDisposable
{
    public const string Ns = "bench";
    public const string Job = "bench/build";
    public const string Tasks = $"/apis/{CiBridgeApi.ApiVersion}/namespaces/{Ns}/citasks";
    private const string Endpoints = $"/apis/{CiBridgeApi.ApiVersion}/namespaces/{Ns}/jenkinsendpoints";

    private readonly string _directory = Directory.CreateTempSubdirectory("cibridge-bench-").FullName;

    private BenchWorld(SandboxApiServer api, JenkinsStandIn jenkins, JenkinsProxy proxy)
    {
        Api = api;
        Jenkins = jenkins;
        Proxy = proxy;
        Client = new ApiClient(api);
        JenkinsClient = new HttpClient { BaseAddress = proxy.BaseAddress };
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{JenkinsStandInExample.User}:{JenkinsStandInExample.ApiToken}"));
        JenkinsClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", basic);
        Kubeconfig = Path.Combine(_directory, "kubeconfig");
        api.WriteKubeconfig(Kubeconfig);
    }

    public SandboxApiServer Api { get; }

    public JenkinsStandIn Jenkins { get; }

    public JenkinsProxy Proxy { get; }

    public ApiClient Client { get; }

    public HttpClient JenkinsClient { get; }

    public string Kubeconfig { get; }

    public static async Task<BenchWorld> StartAsync(BenchSettings settings)
    {
        var api = await SandboxApiServer.StartAsync(new SandboxApiServerOptions());
        foreach (var (_, yaml) in CrdManifests.Render()) await api.ApplyAsync(yaml);
        var latency = settings.JenkinsLatencyMs > 0 ? [new StandInFault(FaultKind.Latency, Latency: TimeSpan.FromMilliseconds(settings.JenkinsLatencyMs))] : Array.Empty<StandInFault>();
        // Enough executors that no build waits for one, and no quiet period: the figures are the operator's.
        var jenkins = await JenkinsStandIn.StartAsync(new JenkinsStandInOptions { Executors = 100_000, QuietPeriod = TimeSpan.Zero, Faults = latency }, CancellationToken.None);
        jenkins.AddUser(JenkinsStandInExample.User, apiToken: JenkinsStandInExample.ApiToken);
        // A Pipeline job, as Jenkins runs those concurrently by default: a freestyle job runs one build at
        // a time, so a burst of N runs would take N build durations whatever the operator does.
        jenkins.AddJob(Job, [StandInParameter.Text("CIBRIDGE_RUN_ID")], new(TimeSpan.FromSeconds(settings.BuildSeconds), "SUCCESS", ["bench"]), JobKind.Pipeline);
        var world = new BenchWorld(api, jenkins, await JenkinsProxy.StartAsync(jenkins.BaseAddress));
        await world.CreateEndpointAsync();
        return world;
    }

    public static string CiTask(string name) =>
        $$$"""{"apiVersion":"{{{CiBridgeApi.ApiVersion}}}","kind":"CiTask","metadata":{"name":"{{{name}}}"},"spec":{"endpointRef":{"name":"jenkins"},"job":"{{{Job}}}","revision":"r1"}}""";

    /// <summary>Waits until the operator reports the endpoint Ready.</summary>
    public async Task WaitEndpointReadyAsync(TimeSpan timeout)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        while (System.Diagnostics.Stopwatch.GetElapsedTime(started) < timeout)
        {
            var endpoint = await Client.GetAsync($"{Endpoints}/jenkins");
            if (endpoint?["status"]?["conditions"]?.AsArray().Any(c => c?["type"]?.ToString() == "Ready" && c["status"]?.ToString() == "True") == true) return;
            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System);
        }
        throw new TimeoutException($"the JenkinsEndpoint was not Ready within {timeout.TotalSeconds:0} s");
    }

    /// <summary>
    /// Waits until every CiTask's Succeeded condition is True or False, or the timeout passes (then
    /// the figures still print, with how many had finished); returns the finished and all CiTasks.
    /// </summary>
    public async Task<(int Finished, int All)> WaitAllFinishedAsync(TimeSpan timeout)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        while (true)
        {
            var tasks = await Client.ListAsync(Tasks);
            var finished = tasks.Count(t => t?["status"]?["conditions"]?.AsArray()
                .Any(c => c?["type"]?.ToString() == "Succeeded" && c["status"]?.ToString() is "True" or "False") == true);
            if (finished == tasks.Count || System.Diagnostics.Stopwatch.GetElapsedTime(started) >= timeout) return (finished, tasks.Count);
            await Task.Delay(TimeSpan.FromMilliseconds(250), TimeProvider.System);
        }
    }

    public async ValueTask DisposeAsync()
    {
        JenkinsClient.Dispose();
        Client.Dispose();
        await Proxy.DisposeAsync();
        await Jenkins.DisposeAsync();
        await Api.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task CreateEndpointAsync()
    {
        await Client.CreateAsync("/api/v1/namespaces", $$$"""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"{{{Ns}}}"}}""");
        var user = Convert.ToBase64String(Encoding.UTF8.GetBytes(JenkinsStandInExample.User));
        var token = Convert.ToBase64String(Encoding.UTF8.GetBytes(JenkinsStandInExample.ApiToken));
        await Client.CreateAsync($"/api/v1/namespaces/{Ns}/secrets",
            $$$"""{"apiVersion":"v1","kind":"Secret","metadata":{"name":"jenkins-credentials"},"data":{"username":"{{{user}}}","token":"{{{token}}}"}}""");
        await Client.CreateAsync(Endpoints, $$$"""
            {"apiVersion":"{{{CiBridgeApi.ApiVersion}}}","kind":"JenkinsEndpoint","metadata":{"name":"jenkins"},
             "spec":{"url":"{{{Proxy.BaseAddress}}}","allowInsecureHttp":true,"credentialsSecretRef":{"name":"jenkins-credentials"}}
            }
            """);
    }

    internal static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
