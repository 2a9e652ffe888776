using CiBridge.Kubernetes.Models;

namespace CiBridge.Kubernetes.Controllers;

/// <summary>
/// Names one object: <c>namespace/name</c>, or just <c>name</c> for cluster-scoped kinds
/// (client-go's <c>MetaNamespaceKeyFunc</c>, controller-runtime's <c>types.NamespacedName</c>).
/// </summary>
public readonly record struct ObjectKey(string? Namespace, string Name)
{
    /// <summary>The key of an object (its namespace and name).</summary>
    public static ObjectKey Of(IKubernetesObject obj) =>
        new(string.IsNullOrEmpty(obj.Metadata.Namespace) ? null : obj.Metadata.Namespace,
            obj.Metadata.Name ?? throw new ArgumentException("the object has no metadata.name", nameof(obj)));

    /// <summary>Reads <c>namespace/name</c> or <c>name</c>.</summary>
    public static ObjectKey Parse(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? new ObjectKey(null, key) : new ObjectKey(key[..slash], key[(slash + 1)..]);
    }

    public override string ToString() => Namespace is null ? Name : $"{Namespace}/{Name}";
}
