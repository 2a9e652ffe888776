using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CiBridge.Entities;
using CiBridge.Entities.CiTasks;
using CiBridge.Entities.JenkinsEndpoints;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Models;
using CiBridge.Operator.Controllers.Endpoints;
using CiBridge.Operator.Controllers.Shared;
using CiBridge.Operator.Controllers.Tasks;
using CiBridge.Sandbox.Jenkins;

namespace CiBridge.Operator.Benchmarks;

/// <summary>
/// The objects a cluster holds before the operator starts, as an earlier operator left them:
/// endpoints verified and Ready, CiTasks whose run of their current spec finished. Their status is
/// made by the operator's own summary functions, so that a reconcile at start finds nothing to
/// change and writes nothing (only the endpoints' verification at start writes their status).
/// </summary>
internal static class PreloadObjects
{
    public const string Ns = "preload";
    private const string Group = $"/apis/{CiBridgeApi.ApiVersion}/namespaces/{Ns}";
    public const string Endpoints = $"{Group}/jenkinsendpoints";
    public const string Tasks = $"{Group}/citasks";
    public const string Secrets = $"/api/v1/namespaces/{Ns}/secrets";

    /// <summary>
    /// The job the preloaded runs name. Not the live one: the operator takes queue items that any run
    /// record of the job names as taken, and the preloaded numbers would collide with the stand-in's.
    /// </summary>
    private const string Job = "bench/preloaded";

    /// <summary>An interval longer than any run: preloaded endpoints verify at start, never again during the measurement.</summary>
    private const string VerifyInterval = "24h";

    private const string LastApplied = "kubectl.kubernetes.io/last-applied-configuration";

    private static readonly JsonSerializerOptions s_json = KubernetesJson.CreateOptions(EntitiesJsonContext.Default);

    /// <summary>When the preloaded status says the endpoints were verified and the runs finished: an hour before the run.</summary>
    public static readonly DateTimeOffset Before = KubernetesTimeConverter.Truncate(TimeProvider.System.GetUtcNow().AddHours(-1));

    public static string EndpointName(int i) => $"jenkins-{BenchWorld.Text(i)}";

    public static string TaskName(int i) => $"task-{BenchWorld.Text(i)}";

    /// <summary>
    /// A Helm release record as Helm 3 stores it: a Secret of type <c>helm.sh/release.v1</c> whose
    /// <c>release</c> key holds the release, gzipped and base64-encoded (here 100 KiB that do not compress).
    /// </summary>
    public static string HelmReleaseSecret(int i)
    {
        var gzipped = new byte[75 * 1024];
        new Random(i).NextBytes(gzipped);
        var release = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(Convert.ToBase64String(gzipped)));
        return $$$"""{"apiVersion":"v1","kind":"Secret","type":"helm.sh/release.v1","metadata":{"name":"sh.helm.release.v1.app-{{{i}}}.v1","labels":{"owner":"helm","name":"app-{{{i}}}"}},"data":{"release":"{{{release}}}"}}""";
    }

    public static string Secret(int i)
    {
        var user = Convert.ToBase64String(Encoding.UTF8.GetBytes(JenkinsStandInExample.User));
        var token = Convert.ToBase64String(Encoding.UTF8.GetBytes(JenkinsStandInExample.ApiToken));
        return $$$"""{"apiVersion":"v1","kind":"Secret","metadata":{"name":"{{{EndpointName(i)}}}-credentials"},"data":{"username":"{{{user}}}","token":"{{{token}}}"}}""";
    }

    /// <summary>The endpoint as created (status is dropped by the server) and as its status patch sends it.</summary>
    public static string Endpoint(int i, Uri jenkins)
    {
        var endpoint = new JenkinsEndpoint
        {
            Metadata = new ObjectMeta { Name = EndpointName(i), Namespace = Ns, Generation = 1 },
            Spec = new JenkinsEndpointSpec
            {
                Url = jenkins.ToString(),
                AllowInsecureHttp = true,
                CredentialsSecretRef = new LocalObjectReference { Name = $"{EndpointName(i)}-credentials" },
                VerifyInterval = VerifyInterval,
            },
            Status = new JenkinsEndpointStatus
            {
                JenkinsVersion = new JenkinsStandInOptions().Version,
                AuthenticatedAs = JenkinsStandInExample.User,
                CrumbsRequired = false,
                LastVerifiedTime = Before,
            },
        };
        AsApplied(endpoint);
        EndpointStatusSummary.Apply(endpoint, Outcome.Done, Before);
        return JsonSerializer.Serialize(endpoint, s_json.TypeInfo<JenkinsEndpoint>());
    }

    /// <summary>A CiTask on endpoint <paramref name="endpoint"/> whose run of generation 1 succeeded; it carries the operator's finalizer.</summary>
    public static string Task(int i, int endpoint)
    {
        var task = new CiTask
        {
            Metadata = new ObjectMeta { Name = TaskName(i), Namespace = Ns, Generation = 1, Finalizers = [CiBridgeApi.Finalizer] },
            Spec = new CiTaskSpec { EndpointRef = new EndpointReference { Name = EndpointName(endpoint) }, Job = Job, Revision = "r1" },
            Status = new CiTaskStatus
            {
                Endpoint = DefaultEndpoint.Reference(EndpointName(endpoint)),
                CurrentRun = new CiTaskRun
                {
                    RunId = $"preload{BenchWorld.Text(i)}-1",
                    Generation = 1,
                    Job = Job,
                    Attempt = 1,
                    Revision = "r1",
                    QueueItemId = i + 1,
                    BuildNumber = i + 1,
                    Result = "SUCCESS",
                    TriggerTime = Before,
                    StartTime = Before,
                    CompletionTime = Before.AddSeconds(2),
                    Duration = "2s",
                },
            },
        };
        AsApplied(task);
        TaskStatusSummary.Apply(task, Outcome.Done, Before);
        return JsonSerializer.Serialize(task, s_json.TypeInfo<CiTask>());
    }

    /// <summary>
    /// The annotation <c>kubectl apply</c> (and GitOps tools applying client-side) leaves: the manifest
    /// as applied, status left out. Real clusters carry it on most objects; the operator's cache drops it.
    /// </summary>
    private static void AsApplied<T>(T obj) where T : class, IKubernetesObject
    {
        var manifest = JsonNode.Parse(JsonSerializer.Serialize(obj, s_json.TypeInfo<T>()))!.AsObject();
        manifest.Remove("status");
        (obj.Metadata.Annotations ??= [])[LastApplied] = manifest.ToJsonString() + "\n";
    }
}
