using CiBridge.Entities;
using CiBridge.Entities.CiTasks;
using CiBridge.Entities.JenkinsEndpoints;
using CiBridge.Kubernetes.Cache;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Models;
using CiBridge.Kubernetes.Queue;
using CiBridge.Operator.Configuration;
using CiBridge.Operator.Controllers.Tasks;

namespace CiBridge.Operator.Hosting;

/// <summary>
/// Which changes requeue which objects, and how failed reconciles are paced. A primary's own
/// update queues it only when it asks for work (<see cref="Predicates.SpecOrRequest"/>: spec,
/// deletion, finalizers, request annotations), never for a status or label change. Secondary kinds
/// map to the primaries that use them through cache indexes, so a Secret rotation reaches exactly
/// the endpoints and tasks that read it.
/// </summary>
internal static class ControllerWiring
{
    /// <summary>The annotations that ask a CiTask for work.</summary>
    public static readonly string[] TaskRequests = [CiBridgeApi.RunRequestedAtAnnotation];

    /// <summary>The annotations that ask a JenkinsEndpoint for work.</summary>
    public static readonly string[] EndpointRequests = [CiBridgeApi.VerifyRequestedAtAnnotation];

    /// <summary>Retries of an endpoint talk to a remote server: 5 s doubling to 5 minutes.</summary>
    public static IRateLimiter<ObjectKey> EndpointRetries() =>
        new ExponentialFailureRateLimiter<ObjectKey>(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5));

    /// <summary>Retries of a CiTask (Jenkins errors, conflicts): 1 s doubling to 5 minutes.</summary>
    public static IRateLimiter<ObjectKey> TaskRetries() =>
        new ExponentialFailureRateLimiter<ObjectKey>(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));

    private const string BySecret = "secret";
    private const string ByConfigMap = "configmap";
    private const string ByEndpoint = "endpoint";

    public static void WatchEndpoints(IInformerCache cache, IController controller)
    {
        var endpoints = cache.GetInformer<JenkinsEndpoint>();
        endpoints.AddIndex(BySecret, e => [Key(e, e.Spec.CredentialsSecretRef.Name), .. Optional(e, e.Spec.CaBundle?.SecretKeyRef?.Name)]);
        endpoints.AddIndex(ByConfigMap, e => Optional(e, e.Spec.CaBundle?.ConfigMapKeyRef?.Name));
        endpoints.AddEventHandler(EventHandlers.EnqueueObject<JenkinsEndpoint>(controller.Queue, Predicates.SpecOrRequest(EndpointRequests)));
        cache.GetInformer<Secret>().AddEventHandler(Referrers<Secret, JenkinsEndpoint>(controller, endpoints, BySecret));
        cache.GetInformer<ConfigMap>().AddEventHandler(Referrers<ConfigMap, JenkinsEndpoint>(controller, endpoints, ByConfigMap));
    }

    public static void WatchTasks(IInformerCache cache, IController controller)
    {
        var tasks = cache.GetInformer<CiTask>();
        tasks.AddIndex(ByEndpoint, t => EndpointsOf(t).Select(name => Key(t, name)).Distinct());
        tasks.AddIndex(BySecret, t => Sources(t, p => p.SecretKeyRef?.Name));
        tasks.AddIndex(ByConfigMap, t => Sources(t, p => p.ConfigMapKeyRef?.Name));
        tasks.AddIndex(TriggerRecovery.ByQueueItem, TriggerRecovery.QueueItems);
        tasks.AddEventHandler(EventHandlers.EnqueueObject<CiTask>(controller.Queue, Predicates.SpecOrRequest(TaskRequests)));
        cache.GetInformer<JenkinsEndpoint>().AddEventHandler(Referrers<JenkinsEndpoint, CiTask>(controller, tasks, ByEndpoint));
        DefaultEndpointWiring.Watch(cache, controller, tasks);
        cache.GetInformer<Secret>().AddEventHandler(Referrers<Secret, CiTask>(controller, tasks, BySecret));
        cache.GetInformer<ConfigMap>().AddEventHandler(Referrers<ConfigMap, CiTask>(controller, tasks, ByConfigMap));
    }

    /// <summary>Every object is judged again when the approved list changes (now approved or no longer).</summary>
    public static void RecheckWhenApprovalChanges<T>(ApprovedProviderList approved, IInformerCache cache, IController controller)
        where T : class, IKubernetesObject
    {
        var informer = cache.GetInformer<T>();
        approved.Changed += () =>
        {
            foreach (var obj in informer.List()) controller.Queue.Add(ObjectKey.Of(obj));
        };
    }

    private static IResourceEventHandler<TChanged> Referrers<TChanged, TPrimary>(IController controller, IInformer<TPrimary> primaries, string index)
        where TChanged : class, IKubernetesObject
        where TPrimary : class, IKubernetesObject =>
        EventHandlers.EnqueueMapped<TChanged>(controller.Queue, changed =>
            primaries.ByIndex(index, Key(changed, changed.Metadata.Name!)).Select(ObjectKey.Of));

    /// <summary>The endpoints a task reads: the one it names and the one its run under way was started on.</summary>
    private static IEnumerable<string> EndpointsOf(CiTask task) =>
        new[] { task.Spec.EndpointRef?.Name, task.Status?.Endpoint?.Name }.OfType<string>();

    private static IEnumerable<string> Sources(CiTask task, Func<ParameterSource, string?> name) =>
        (task.Spec.Parameters ?? []).Select(p => p.ValueFrom is { } from ? name(from) : null).SelectMany(n => Optional(task, n));

    private static IEnumerable<string> Optional(IKubernetesObject obj, string? name) => name is null ? [] : [Key(obj, name)];

    private static string Key(IKubernetesObject obj, string name) => $"{obj.Metadata.Namespace}/{name}";
}
