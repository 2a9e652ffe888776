using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Models;

namespace CiBridge.Kubernetes.Client;

/// <summary>
/// Reads objects (controller-runtime's <c>client.Reader</c>). The API client and the informer cache
/// both implement it, so a reconciler can read from either. Objects returned are the caller's own
/// copies.
/// </summary>
public interface IKubernetesReader
{
    /// <summary>The object, or null when it does not exist.</summary>
    ValueTask<T?> GetAsync<T>(ObjectKey key, CancellationToken ct) where T : class, IKubernetesObject;

    ValueTask<ObjectList<T>> ListAsync<T>(ListOptions? options, CancellationToken ct) where T : class, IKubernetesObject;
}

/// <summary>Writes objects. Every write names the client's field manager.</summary>
public interface IKubernetesWriter
{
    Task<T> CreateAsync<T>(T obj, CancellationToken ct) where T : class, IKubernetesObject;

    /// <summary>PUT; the object's resourceVersion makes it fail with 409 Conflict when stale.</summary>
    Task<T> ReplaceAsync<T>(T obj, CancellationToken ct) where T : class, IKubernetesObject;

    Task<T> PatchAsync<T>(ObjectKey key, Patch patch, CancellationToken ct) where T : class, IKubernetesObject;

    /// <summary>Deletes the object; false when it was already gone.</summary>
    Task<bool> DeleteAsync<T>(ObjectKey key, CancellationToken ct) where T : class, IKubernetesObject;
}

/// <summary>Writes the status subresource.</summary>
public interface IStatusWriter
{
    Task<T> ReplaceStatusAsync<T>(T obj, CancellationToken ct) where T : class, IKubernetesObject;

    Task<T> PatchStatusAsync<T>(ObjectKey key, Patch patch, CancellationToken ct) where T : class, IKubernetesObject;
}

/// <summary>The typed Kubernetes API client.</summary>
public interface IKubernetesClient : IKubernetesReader, IKubernetesWriter
{
    IStatusWriter Status { get; }

    /// <summary>
    /// One watch connection: events in server order until the server or the client timeout ends it.
    /// An ERROR event is thrown as <see cref="ApiException"/> (410 Gone: relist). For resume and
    /// relist across connections use an informer.
    /// </summary>
    IAsyncEnumerable<WatchEvent<T>> WatchAsync<T>(WatchOptions options, CancellationToken ct) where T : class, IKubernetesObject;
}
