using CiBridge.Kubernetes.Models;

namespace CiBridge.Operator.Controllers.Shared;

/// <summary>
/// Kubernetes Events about an object (what <c>kubectl describe</c> shows). Recording never blocks
/// or fails a reconcile. Messages must not contain secret values.
/// </summary>
internal interface IObjectEvents
{
    void Normal(IKubernetesObject obj, string reason, string message);

    void Warning(IKubernetesObject obj, string reason, string message);
}
