using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Models;

namespace CiBridge.Kubernetes.Cache;

/// <summary>A change the store applied, for event handlers.</summary>
internal readonly record struct StoreChange<T>(T? Old, T? New);

/// <summary>
/// client-go's <c>ThreadSafeStore</c> with indexers: objects keyed <c>namespace/name</c>, plus
/// secondary indexes (index name → value → keys) kept in step with every write.
/// </summary>
internal sealed class ObjectStore<T> where T : class, IKubernetesObject
{
    private readonly Lock _gate = new();
    private readonly Dictionary<ObjectKey, T> _items = [];
    private readonly Dictionary<string, Func<T, IEnumerable<string>>> _indexers = [];
    private readonly Dictionary<string, Dictionary<string, HashSet<ObjectKey>>> _indices = [];

    public int Count
    {
        get { lock (_gate) return _items.Count; }
    }

    public void AddIndex(string name, Func<T, IEnumerable<string>> indexer)
    {
        lock (_gate)
        {
            if (!_indexers.TryAdd(name, indexer)) throw new InvalidOperationException($"index \"{name}\" already exists");
            var index = _indices[name] = [];
            foreach (var (key, item) in _items) AddToIndex(index, indexer, key, item);
        }
    }

    public bool HasIndex(string name)
    {
        lock (_gate) return _indexers.ContainsKey(name);
    }

    public T? Get(ObjectKey key)
    {
        lock (_gate) return _items.GetValueOrDefault(key);
    }

    public List<T> List(string? ns)
    {
        lock (_gate) return ns is null ? [.. _items.Values] : [.. _items.Where(p => p.Key.Namespace == ns).Select(p => p.Value)];
    }

    public List<T> ByIndex(string name, string value)
    {
        lock (_gate)
        {
            if (!_indices.TryGetValue(name, out var index)) throw new InvalidOperationException($"no index named \"{name}\"");
            return index.TryGetValue(value, out var keys) ? [.. keys.Select(k => _items[k])] : [];
        }
    }

    /// <summary>Adds or replaces the object; returns the one it replaced.</summary>
    public T? Upsert(T item)
    {
        var key = ObjectKey.Of(item);
        lock (_gate)
        {
            var old = RemoveLocked(key);
            _items[key] = item;
            foreach (var (name, indexer) in _indexers) AddToIndex(_indices[name], indexer, key, item);
            return old;
        }
    }

    public T? Delete(ObjectKey key)
    {
        lock (_gate) return RemoveLocked(key);
    }

    /// <summary>Makes the store hold exactly <paramref name="items"/> (after a relist) and reports each change.</summary>
    public List<StoreChange<T>> Replace(IReadOnlyList<T> items)
    {
        var changes = new List<StoreChange<T>>(items.Count);
        lock (_gate)
        {
            var seen = new HashSet<ObjectKey>();
            foreach (var item in items)
            {
                seen.Add(ObjectKey.Of(item));
                changes.Add(new StoreChange<T>(Upsert(item), item));
            }
            foreach (var key in _items.Keys.Where(k => !seen.Contains(k)).ToList())
            {
                changes.Add(new StoreChange<T>(RemoveLocked(key), null));
            }
        }
        return changes;
    }

    private T? RemoveLocked(ObjectKey key)
    {
        if (!_items.Remove(key, out var old)) return null;
        foreach (var (name, indexer) in _indexers)
        {
            var index = _indices[name];
            foreach (var value in indexer(old))
            {
                if (index.TryGetValue(value, out var keys) && keys.Remove(key) && keys.Count == 0) index.Remove(value);
            }
        }
        return old;
    }

    private static void AddToIndex(Dictionary<string, HashSet<ObjectKey>> index, Func<T, IEnumerable<string>> indexer, ObjectKey key, T item)
    {
        foreach (var value in indexer(item))
        {
            if (!index.TryGetValue(value, out var keys)) index[value] = keys = [];
            keys.Add(key);
        }
    }
}
