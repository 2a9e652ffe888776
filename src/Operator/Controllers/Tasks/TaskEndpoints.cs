using CiBridge.Entities.CiTasks;
using CiBridge.Entities.Conditions;
using CiBridge.Entities.JenkinsEndpoints;
using CiBridge.Jenkins;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Models;
using CiBridge.Operator.Controllers.Shared;

namespace CiBridge.Operator.Controllers.Tasks;

/// <summary>
/// Finds the Jenkins client for a CiTask's endpoint. The endpoint must exist and be Ready: a
/// CiTask never talks to a server its endpoint has not verified. A change of the endpoint requeues
/// its CiTasks, so waiting here costs nothing.
/// </summary>
internal sealed class TaskEndpoints(IKubernetesReader cache, EndpointSettingsReader settingsReader, IJenkinsClientPool clients)
{
    public static readonly TimeSpan RecheckAfter = TimeSpan.FromMinutes(1);

    public async Task<(IJenkinsClient? Client, Failure? Failure)> ResolveAsync(CiTask task, CancellationToken ct)
    {
        var (endpoint, notReady) = await FindReadyAsync(task, ct);
        if (endpoint is null) return (null, notReady);
        var key = ObjectKey.Of(endpoint);
        var (settings, failure) = await settingsReader.ReadAsync(endpoint, ct);
        if (settings is null) return (null, NotReady($"JenkinsEndpoint \"{key.Name}\": {failure!.Message}"));
        return (clients.Get(key.ToString(), settings), null);
    }

    /// <summary>The task's endpoint when it exists and is Ready (from the cache; no call to Jenkins).</summary>
    public async Task<(JenkinsEndpoint? Endpoint, Failure? Failure)> FindReadyAsync(CiTask task, CancellationToken ct)
    {
        var key = new ObjectKey(task.Metadata.Namespace, task.Spec.EndpointRef.Name);
        var endpoint = await cache.GetAsync<JenkinsEndpoint>(key, ct);
        if (endpoint is null) return (null, NotReady($"JenkinsEndpoint \"{key.Name}\" not found"));
        var ready = Kubernetes.Models.Conditions.Find(endpoint.Status?.Conditions, ConditionTypes.Ready);
        if (ready?.Status != ConditionStatus.True || endpoint.Status?.ObservedGeneration != endpoint.Metadata.Generation)
        {
            var why = ready is null ? "not verified yet" : $"{ready.Reason}: {ready.Message}";
            return (null, NotReady($"JenkinsEndpoint \"{key.Name}\" is not ready ({why})"));
        }
        return (endpoint, null);
    }

    private static Failure NotReady(string message) => Failure.Transient(TaskReasons.EndpointNotReady, message, RecheckAfter);
}
