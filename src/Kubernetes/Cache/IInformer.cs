using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Models;

namespace CiBridge.Kubernetes.Cache;

/// <summary>
/// Keeps a local copy of one kind (client-go's <c>SharedIndexInformer</c>): list, then watch from
/// the list's resourceVersion, resume after a broken watch, relist after 410 Gone. Objects it
/// returns are shared: read them, never change them (the <see cref="InformerCache"/> hands out copies).
/// </summary>
public interface IInformer<T> where T : class, IKubernetesObject
{
    /// <summary>True once the first list is in the store and its handlers have run.</summary>
    bool HasSynced { get; }

    void AddEventHandler(IResourceEventHandler<T> handler);

    /// <summary>Adds a secondary index, for example CiTasks by the endpoint they reference.</summary>
    void AddIndex(string name, Func<T, IEnumerable<string>> index);

    T? Get(ObjectKey key);

    IReadOnlyList<T> List(string? ns = null);

    IReadOnlyList<T> ByIndex(string index, string value);

    /// <summary>Lists and watches until <paramref name="ct"/> is cancelled.</summary>
    Task RunAsync(CancellationToken ct);
}
