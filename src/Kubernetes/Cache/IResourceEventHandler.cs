using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Models;
using CiBridge.Kubernetes.Queue;

namespace CiBridge.Kubernetes.Cache;

/// <summary>
/// Told about changes an informer applied. Handlers run on the informer's loop and must return at
/// once: they only put keys on a queue (see <see cref="EventHandlers"/>). Objects are shared with
/// the cache; never change them.
/// </summary>
public interface IResourceEventHandler<in T>
{
    void OnAdd(T obj);

    void OnUpdate(T oldObj, T newObj);

    void OnDelete(T obj);
}

/// <summary>Handlers that turn changes into queued keys.</summary>
public static class EventHandlers
{
    /// <summary>Queues the changed object's own key (the primary kind of a controller).</summary>
    public static IResourceEventHandler<T> EnqueueObject<T>(IWorkQueue<ObjectKey> queue) where T : class, IKubernetesObject =>
        new MappingHandler<T>(queue, obj => [ObjectKey.Of(obj)]);

    /// <summary>
    /// Queues the changed object's own key on every add and delete, and on an update only when
    /// <paramref name="when"/> passes (see <see cref="Predicates"/>).
    /// </summary>
    public static IResourceEventHandler<T> EnqueueObject<T>(IWorkQueue<ObjectKey> queue, UpdatePredicate<IKubernetesObject> when)
        where T : class, IKubernetesObject =>
        new FilteredHandler<T>(EnqueueObject<T>(queue), when);

    /// <summary>Queues the keys <paramref name="map"/> names, such as the owners or referrers of a Secret.</summary>
    public static IResourceEventHandler<T> EnqueueMapped<T>(IWorkQueue<ObjectKey> queue, Func<T, IEnumerable<ObjectKey>> map)
        where T : class, IKubernetesObject =>
        new MappingHandler<T>(queue, map);

    private sealed class FilteredHandler<T>(IResourceEventHandler<T> inner, UpdatePredicate<IKubernetesObject> when) : IResourceEventHandler<T>
        where T : class, IKubernetesObject
    {
        public void OnAdd(T obj) => inner.OnAdd(obj);

        public void OnUpdate(T oldObj, T newObj)
        {
            if (when(oldObj, newObj)) inner.OnUpdate(oldObj, newObj);
        }

        public void OnDelete(T obj) => inner.OnDelete(obj);
    }

    private sealed class MappingHandler<T>(IWorkQueue<ObjectKey> queue, Func<T, IEnumerable<ObjectKey>> map) : IResourceEventHandler<T>
        where T : class, IKubernetesObject
    {
        public void OnAdd(T obj) => Enqueue(obj);

        public void OnUpdate(T oldObj, T newObj)
        {
            Enqueue(oldObj);
            Enqueue(newObj);
        }

        public void OnDelete(T obj) => Enqueue(obj);

        private void Enqueue(T obj)
        {
            foreach (var key in map(obj)) queue.Add(key);
        }
    }
}
