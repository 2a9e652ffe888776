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
/// Finds the Jenkins client for a CiTask's endpoint. The endpoint must exist and be Ready for its
/// current generation: a CiTask never talks to a server its endpoint has not verified. An endpoint
/// not verified yet is waited for quietly; a missing or failed one blocks the task. A change of
/// the endpoint requeues its CiTasks, so waiting here costs nothing. Which endpoint is
/// <see cref="DefaultEndpoint"/>'s decision; the one chosen is recorded in <c>status.endpoint</c>.
/// </summary>
internal sealed class TaskEndpoints(IKubernetesReader cache, EndpointSettingsReader settingsReader, IJenkinsClientPool clients)
{
    /// <summary>The client, or null with the outcome that says why not.</summary>
    public async Task<(IJenkinsClient? Client, Outcome Outcome)> ResolveAsync(CiTask task, CancellationToken ct)
    {
        var (endpoint, outcome) = await FindReadyAsync(task, ct);
        if (endpoint is null) return (null, outcome);
        var key = ObjectKey.Of(endpoint);
        var (settings, failure) = await settingsReader.ReadAsync(endpoint, ct);
        if (settings is null) return (null, Outcome.Blocked(TaskReasons.EndpointNotReady, $"JenkinsEndpoint \"{key.Name}\": {failure!.Message}"));
        return (clients.Get(key.ToString(), settings.Client), Outcome.Continue);
    }

    /// <summary>Continue when the endpoint is Ready (from the cache; no call to Jenkins).</summary>
    public async Task<Outcome> CheckReadyAsync(CiTask task, CancellationToken ct) => (await FindReadyAsync(task, ct)).Outcome;

    private async Task<(JenkinsEndpoint? Endpoint, Outcome Outcome)> FindReadyAsync(CiTask task, CancellationToken ct)
    {
        var (name, choice) = await ChooseAsync(task, ct);
        if (name is null)
        {
            if (task.Status is { } status) status.Endpoint = null;
            return (null, choice);
        }
        (task.Status ??= new CiTaskStatus()).Endpoint = DefaultEndpoint.Reference(name);
        var key = new ObjectKey(task.Metadata.Namespace, name);
        var endpoint = await cache.GetAsync<JenkinsEndpoint>(key, ct);
        if (endpoint is null) return (null, Outcome.Blocked(TaskReasons.EndpointNotReady, $"JenkinsEndpoint \"{key.Name}\" not found"));
        var ready = Conditions.Find(endpoint.Status?.Conditions, ConditionTypes.Ready);
        var current = endpoint.Status?.ObservedGeneration == endpoint.Metadata.Generation;
        if (!current || Conditions.StatusOf(endpoint.Status?.Conditions, ConditionTypes.Ready) is null or ConditionStatus.Unknown)
        {
            return (null, Outcome.Wait(TaskReasons.Pending, $"waiting for JenkinsEndpoint \"{key.Name}\" to be verified"));
        }
        if (ready!.Status != nameof(ConditionStatus.True))
        {
            return (null, Outcome.Blocked(TaskReasons.EndpointNotReady, $"JenkinsEndpoint \"{key.Name}\" is not ready ({ready.Reason}: {ready.Message})"));
        }
        return (endpoint, Outcome.Continue);
    }

    private async Task<(string? Name, Outcome Outcome)> ChooseAsync(CiTask task, CancellationToken ct)
    {
        if (DefaultEndpoint.Named(task) is { } named) return (named, Outcome.Continue);
        var list = await cache.ListAsync<JenkinsEndpoint>(new ListOptions { Namespace = task.Metadata.Namespace }, ct);
        return DefaultEndpoint.Choose(list.Items, task.Metadata.Namespace);
    }

    /// <summary>"namespace/name" of the endpoint a task's run is on, as queue claims key it.</summary>
    public static string EndpointOf(CiTask task) =>
        $"{task.Metadata.Namespace}/{task.Status?.Endpoint?.Name ?? task.Spec.EndpointRef?.Name}";
}
