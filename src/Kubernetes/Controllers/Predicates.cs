using CiBridge.Kubernetes.Models;

namespace CiBridge.Kubernetes.Controllers;

/// <summary>Decides whether an update of an object is worth a reconcile (controller-runtime's <c>predicate.Funcs.UpdateFunc</c>).</summary>
public delegate bool UpdatePredicate<in T>(T oldObj, T newObj) where T : IKubernetesObject;

/// <summary>
/// Event filters in the shape of controller-runtime's <c>pkg/predicate</c>. Adds and deletes always
/// pass; an update passes when one of the predicates says it matters. Without a filter every update
/// queues the key, including the operator's own status writes and label-only changes.
/// </summary>
public static class Predicates
{
    /// <summary><c>metadata.generation</c> changed: the spec changed (status and metadata writes leave it alone).</summary>
    public static bool GenerationChanged(IKubernetesObject oldObj, IKubernetesObject newObj) =>
        oldObj.Metadata.Generation != newObj.Metadata.Generation;

    /// <summary>The object started or stopped being deleted.</summary>
    public static bool DeletionChanged(IKubernetesObject oldObj, IKubernetesObject newObj) =>
        oldObj.Metadata.DeletionTimestamp != newObj.Metadata.DeletionTimestamp;

    /// <summary>
    /// A finalizer was removed (perhaps the controller's own, which it must add back). An added one
    /// asks for nothing: it is mostly the controller's own write echoing back, and a reconcile
    /// started by that echo meets a cache that has not caught up with the writes made after it.
    /// </summary>
    public static bool FinalizerRemoved(IKubernetesObject oldObj, IKubernetesObject newObj) =>
        (oldObj.Metadata.Finalizers ?? []).Except(newObj.Metadata.Finalizers ?? [], StringComparer.Ordinal).Any();

    /// <summary>One of the named annotations changed, appeared or disappeared (the annotations that ask for work).</summary>
    public static UpdatePredicate<IKubernetesObject> AnnotationChanged(params string[] names) =>
        (oldObj, newObj) => names.Any(name =>
            oldObj.Metadata.Annotations?.GetValueOrDefault(name) != newObj.Metadata.Annotations?.GetValueOrDefault(name));

    /// <summary>Passes when any of <paramref name="predicates"/> passes.</summary>
    public static UpdatePredicate<IKubernetesObject> Any(params UpdatePredicate<IKubernetesObject>[] predicates) =>
        (oldObj, newObj) => predicates.Any(p => p(oldObj, newObj));

    /// <summary>
    /// What a primary kind's own updates usually need: a spec change, a deletion, a finalizer removed,
    /// or a change of one of <paramref name="requestAnnotations"/>. Status-only and label-only
    /// updates do not pass.
    /// </summary>
    public static UpdatePredicate<IKubernetesObject> SpecOrRequest(params string[] requestAnnotations) =>
        Any(GenerationChanged, DeletionChanged, FinalizerRemoved, AnnotationChanged(requestAnnotations));
}
