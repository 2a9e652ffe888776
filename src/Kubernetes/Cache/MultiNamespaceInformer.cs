using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Models;

namespace CiBridge.Kubernetes.Cache;

/// <summary>
/// One informer per watched namespace behind one <see cref="IInformer{T}"/> (controller-runtime's
/// multi-namespace cache): each lists and watches only its namespace, so an operator limited to
/// some namespaces needs no cluster-wide list or watch permission, and sees nothing else.
/// </summary>
internal sealed class MultiNamespaceInformer<T>(IReadOnlyDictionary<string, Informer<T>> byNamespace) : ICachedInformer<T>
    where T : class, IKubernetesObject
{
    private IEnumerable<Informer<T>> All => byNamespace.Values;

    public bool HasSynced => All.All(i => i.HasSynced);

    public Task Synced => Task.WhenAll(All.Select(i => i.Synced));

    // Each namespace's list has its own resourceVersion; no single one describes them all.
    public string? LastSyncResourceVersion => null;

    public bool HasIndex(string name) => All.All(i => i.HasIndex(name));

    public void AddEventHandler(IResourceEventHandler<T> handler)
    {
        foreach (var informer in All) informer.AddEventHandler(handler);
    }

    public void AddIndex(string name, Func<T, IEnumerable<string>> index)
    {
        foreach (var informer in All) informer.AddIndex(name, index);
    }

    public T? Get(ObjectKey key) => key.Namespace is { } ns && byNamespace.TryGetValue(ns, out var informer) ? informer.Get(key) : null;

    public IReadOnlyList<T> List(string? ns = null)
    {
        if (ns is null) return [.. All.SelectMany(i => i.List())];
        return byNamespace.TryGetValue(ns, out var informer) ? informer.List(ns) : [];
    }

    public IReadOnlyList<T> ByIndex(string index, string value) => [.. All.SelectMany(i => i.ByIndex(index, value))];

    public Task RunAsync(CancellationToken ct) => Task.WhenAll(All.Select(i => i.RunAsync(ct)));
}
