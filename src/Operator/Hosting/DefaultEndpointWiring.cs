using CiBridge.Entities.CiTasks;
using CiBridge.Entities.JenkinsEndpoints;
using CiBridge.Kubernetes.Cache;
using CiBridge.Kubernetes.Controllers;

namespace CiBridge.Operator.Hosting;

/// <summary>
/// CiTasks without <c>spec.endpointRef</c> depend on every JenkinsEndpoint of their namespace: one
/// gaining or losing the default annotation, appearing or going changes which endpoint they run on
/// (or makes the default missing or ambiguous). Any endpoint change queues them.
/// </summary>
internal static class DefaultEndpointWiring
{
    private const string ByDefaultEndpoint = "default-endpoint";

    public static void Watch(IInformerCache cache, IController controller, IInformer<CiTask> tasks)
    {
        tasks.AddIndex(ByDefaultEndpoint, t => t.Spec.EndpointRef is null ? [t.Metadata.Namespace ?? ""] : []);
        cache.GetInformer<JenkinsEndpoint>().AddEventHandler(EventHandlers.EnqueueMapped<JenkinsEndpoint>(controller.Queue,
            endpoint => tasks.ByIndex(ByDefaultEndpoint, endpoint.Metadata.Namespace ?? "").Select(ObjectKey.Of)));
    }
}
