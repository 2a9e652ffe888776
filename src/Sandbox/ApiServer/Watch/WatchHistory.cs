namespace CiBridge.Sandbox.ApiServer.Watch;

/// <summary>
/// A bounded ring of recent events (all resources, in resourceVersion order) plus the live
/// subscribers. Not thread-safe by itself: the object store calls it under its lock, which keeps
/// "replay the history, then subscribe" atomic with respect to writes.
/// </summary>
internal sealed class WatchHistory(int capacity)
{
    private readonly WatchEvent?[] _ring = new WatchEvent?[Math.Max(1, capacity)];
    private readonly List<WatchSubscription> _subscribers = [];
    private long _count;

    /// <summary>The resourceVersion before the oldest event still held; a watch from an older one is expired.</summary>
    public long OldestKnown { get; private set; }

    public void Append(WatchEvent change)
    {
        if (_count >= _ring.Length) OldestKnown = _ring[_count % _ring.Length]!.ResourceVersion;
        _ring[_count % _ring.Length] = change;
        _count++;
        foreach (var subscriber in _subscribers)
        {
            if (subscriber.StorageKey == change.StorageKey) subscriber.Offer(change);
        }
    }

    /// <summary>Events of <paramref name="storageKey"/> after <paramref name="fromRv"/>; false when that version is too old.</summary>
    public bool TryReplay(string storageKey, long fromRv, List<WatchEvent> into)
    {
        if (fromRv < OldestKnown) return false;
        var start = Math.Max(0, _count - _ring.Length);
        for (var i = start; i < _count; i++)
        {
            var change = _ring[i % _ring.Length]!;
            if (change.ResourceVersion > fromRv && change.StorageKey == storageKey) into.Add(change);
        }
        return true;
    }

    public void Add(WatchSubscription subscription) => _subscribers.Add(subscription);

    public void Remove(WatchSubscription subscription) => _subscribers.Remove(subscription);

    public int SubscriberCount => _subscribers.Count;
}
