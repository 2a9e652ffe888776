using System.Globalization;
using System.Text.Json.Nodes;
using CiBridge.Sandbox.ApiServer.Watch;

namespace CiBridge.Sandbox.ApiServer.Storage;

/// <summary>
/// The in-memory storage: objects per storage key (group/resource), keyed by namespace/name, one
/// global resourceVersion counter and the watch history. Every read returns a private copy;
/// every write is compare-and-swap on the resourceVersion the caller read.
/// </summary>
internal sealed class ObjectStore(int historySize)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SortedDictionary<string, JsonObject>> _data = new(StringComparer.Ordinal);
    private readonly WatchHistory _history = new(historySize);
    private long _resourceVersion = 1;

    public long ResourceVersion
    {
        get { lock (_gate) return _resourceVersion; }
    }

    public JsonObject? Get(string storageKey, string? ns, string name)
    {
        lock (_gate)
        {
            return Table(storageKey).TryGetValue(Key(ns, name), out var obj) ? Clone(obj) : null;
        }
    }

    /// <summary>All objects of a resource (optionally one namespace) sorted by namespace/name, and the list's resourceVersion.</summary>
    public (List<JsonObject> Items, long ResourceVersion) List(string storageKey, string? ns, Func<JsonObject, bool>? filter = null)
    {
        lock (_gate)
        {
            var items = new List<JsonObject>();
            foreach (var (key, obj) in Table(storageKey))
            {
                if (ns is not null && !key.StartsWith(ns + "/", StringComparison.Ordinal)) continue;
                if (filter is null || filter(obj)) items.Add(Clone(obj));
            }
            return (items, _resourceVersion);
        }
    }

    /// <summary>
    /// One page of a list: the matching objects after the key <paramref name="after"/>
    /// (<c>namespace/name</c>), at most <paramref name="limit"/>, and how many more match.
    /// Only the page is copied.
    /// </summary>
    public (List<JsonObject> Items, long ResourceVersion, long Remaining) ListPage(
        string storageKey, string? ns, Func<JsonObject, bool> filter, string? after, long limit)
    {
        lock (_gate)
        {
            var items = new List<JsonObject>();
            long remaining = 0;
            foreach (var (key, obj) in Table(storageKey))
            {
                if (ns is not null && !key.StartsWith(ns + "/", StringComparison.Ordinal)) continue;
                if (after is not null && string.CompareOrdinal(key, after) <= 0) continue;
                if (!filter(obj)) continue;
                if (items.Count < limit) items.Add(Clone(obj));
                else remaining++;
            }
            return (items, _resourceVersion, remaining);
        }
    }

    /// <summary>Every stored object of any resource that <paramref name="match"/> accepts, as (storage key, copy).</summary>
    public List<(string StorageKey, JsonObject Object)> FindAll(Func<JsonObject, bool> match)
    {
        lock (_gate)
        {
            var found = new List<(string, JsonObject)>();
            foreach (var (storageKey, table) in _data)
            {
                foreach (var obj in table.Values)
                {
                    if (match(obj)) found.Add((storageKey, Clone(obj)));
                }
            }
            return found;
        }
    }

    /// <summary>
    /// Writes <paramref name="next"/> (null removes) if the stored object still has
    /// <paramref name="expectedRv"/> (null: the object must not exist yet). Stamps the new
    /// resourceVersion on the stored object and on <paramref name="next"/>, and records the event.
    /// </summary>
    public CommitOutcome Commit(string storageKey, string? ns, string name, long? expectedRv, JsonObject? next)
    {
        lock (_gate)
        {
            var table = Table(storageKey);
            var key = Key(ns, name);
            var exists = table.TryGetValue(key, out var current);
            if (expectedRv is null && exists) return CommitOutcome.AlreadyExists;
            if (expectedRv is not null && !exists) return CommitOutcome.NotFound;
            if (expectedRv is not null && ResourceVersionOf(current!) != expectedRv) return CommitOutcome.Conflict;

            var rv = ++_resourceVersion;
            var stored = next ?? current!;
            SetResourceVersion(stored, rv);
            if (next is null)
            {
                table.Remove(key);
            }
            else
            {
                table[key] = Clone(next);
            }
            var type = next is null ? WatchEvent.Deleted : exists ? WatchEvent.Modified : WatchEvent.Added;
            var previous = type == WatchEvent.Modified ? ObjectSummary.Of(current!) : null;
            _history.Append(new WatchEvent(type, storageKey, rv, stored.ToJsonString(), ObjectSummary.Of(stored), previous));
            return CommitOutcome.Committed;
        }
    }

    /// <summary>
    /// Subscribes to changes of <paramref name="storageKey"/> after <paramref name="fromRv"/>; the
    /// replayed events come first. Null when that resourceVersion is older than the history.
    /// </summary>
    public (WatchSubscription Subscription, List<WatchEvent> Replay, long CurrentRv)? Watch(string storageKey, long? fromRv)
    {
        lock (_gate)
        {
            var replay = new List<WatchEvent>();
            if (fromRv is { } from && !_history.TryReplay(storageKey, from, replay)) return null;
            var subscription = new WatchSubscription(storageKey, Unsubscribe);
            _history.Add(subscription);
            return (subscription, replay, _resourceVersion);
        }
    }

    /// <summary>The oldest resourceVersion a watch can still start from.</summary>
    public long OldestWatchable
    {
        get { lock (_gate) return _history.OldestKnown; }
    }

    public int WatcherCount
    {
        get { lock (_gate) return _history.SubscriberCount; }
    }

    public static long ResourceVersionOf(JsonObject obj) =>
        long.TryParse(obj["metadata"]?["resourceVersion"]?.GetValue<string>(), NumberStyles.None, CultureInfo.InvariantCulture, out var rv) ? rv : 0;

    private void Unsubscribe(WatchSubscription subscription)
    {
        lock (_gate) _history.Remove(subscription);
    }

    private static void SetResourceVersion(JsonObject obj, long rv)
    {
        if (obj["metadata"] is not JsonObject metadata) obj["metadata"] = metadata = [];
        metadata["resourceVersion"] = rv.ToString(CultureInfo.InvariantCulture);
    }

    private SortedDictionary<string, JsonObject> Table(string storageKey)
    {
        if (!_data.TryGetValue(storageKey, out var table)) _data[storageKey] = table = new(StringComparer.Ordinal);
        return table;
    }

    private static string Key(string? ns, string name) => $"{ns}/{name}";

    private static JsonObject Clone(JsonObject obj) => (JsonObject)obj.DeepClone();
}
