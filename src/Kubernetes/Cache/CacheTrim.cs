using CiBridge.Kubernetes.Models;

namespace CiBridge.Kubernetes.Cache;

/// <summary>
/// What the cache drops from every object before storing it, because no controller reads it
/// (client-go's transform functions; controller-runtime's <c>TransformStripManagedFields</c>).
/// <c>metadata.managedFields</c> never reaches a cached object: <see cref="ObjectMeta"/> has no
/// field for it, so decoding skips it. The <c>kubectl.kubernetes.io/last-applied-configuration</c>
/// annotation is a copy of the whole manifest that <c>kubectl apply</c> (and tools built on it)
/// leave on each object: it doubles the size of a cached object and is dropped here. Writes are
/// unaffected: status goes to the status subresource, which ignores metadata, and finalizers go
/// by merge patch, which leaves other annotations alone.
/// </summary>
internal static class CacheTrim
{
    public const string LastAppliedAnnotation = "kubectl.kubernetes.io/last-applied-configuration";

    /// <summary>Trims <paramref name="obj"/> in place (it is a freshly decoded object no one else holds) and returns it.</summary>
    public static T Apply<T>(T obj) where T : class, IKubernetesObject
    {
        var annotations = obj.Metadata.Annotations;
        if (annotations is not null && annotations.Remove(LastAppliedAnnotation) && annotations.Count == 0) obj.Metadata.Annotations = null;
        return obj;
    }
}
