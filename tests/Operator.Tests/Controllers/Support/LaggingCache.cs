using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Models;

namespace CiBridge.Operator.Tests.Controllers.Support;

/// <summary>
/// The informer cache the reconcilers read: the in-memory API itself, except that a test can hold one
/// object back as it was (the watch event of a newer version has not arrived yet).
/// </summary>
internal sealed class LaggingCache(InMemoryApi api) : IKubernetesReader
{
    private (ObjectKey Key, object Obj)? _held;

    /// <summary>From now on the cache serves <paramref name="obj"/> as it is now, whatever the API server holds.</summary>
    public void HoldBack<T>(T obj) where T : class, IKubernetesObject => _held = (ObjectKey.Of(obj), obj);

    /// <summary>The cache catches up.</summary>
    public void CatchUp() => _held = null;

    public ValueTask<T?> GetAsync<T>(ObjectKey key, CancellationToken ct) where T : class, IKubernetesObject =>
        _held is { } held && held.Key == key && held.Obj is T obj ? ValueTask.FromResult<T?>(obj) : api.GetAsync<T>(key, ct);

    public ValueTask<ObjectList<T>> ListAsync<T>(ListOptions? options, CancellationToken ct) where T : class, IKubernetesObject => api.ListAsync<T>(options, ct);
}
