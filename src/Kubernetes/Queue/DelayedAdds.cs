namespace CiBridge.Kubernetes.Queue;

/// <summary>
/// Holds items until their time comes, then adds them (client-go <c>delayingType</c>). One timer
/// from the <see cref="TimeProvider"/> is armed for the earliest item; an item scheduled twice keeps
/// the earlier time. Delays longer than <see cref="TimerDelay.Maximum"/> are shortened to it: the
/// item then comes back early, which a level-based reconcile handles like any other requeue.
/// </summary>
internal sealed class DelayedAdds<T> where T : notnull
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly Action<T> _add;
    private readonly Dictionary<T, DateTimeOffset> _readyAt = [];
    private readonly PriorityQueue<T, DateTimeOffset> _heap = new();
    private readonly ITimer _timer;
    private bool _disposed;

    public DelayedAdds(TimeProvider time, Action<T> add)
    {
        _time = time;
        _add = add;
        _timer = time.CreateTimer(_ => Fire(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public void Schedule(T item, TimeSpan delay)
    {
        lock (_gate)
        {
            if (_disposed) return;
            var at = _time.GetUtcNow() + TimerDelay.Clamp(delay);
            if (_readyAt.TryGetValue(item, out var existing) && existing <= at) return;
            _readyAt[item] = at;
            _heap.Enqueue(item, at);
            Arm();
        }
    }

    /// <summary>Drops pending items and stops the timer; later schedules are ignored.</summary>
    public void Stop()
    {
        lock (_gate)
        {
            _disposed = true;
            _readyAt.Clear();
            _heap.Clear();
        }
        _timer.Dispose();
    }

    private void Fire()
    {
        List<T> due = [];
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            while (_heap.TryPeek(out var item, out var at) && at <= now)
            {
                _heap.Dequeue();
                // Stale heap entries (superseded by an earlier schedule) are skipped.
                if (_readyAt.TryGetValue(item, out var current) && current == at)
                {
                    _readyAt.Remove(item);
                    due.Add(item);
                }
            }
            if (!_disposed) Arm();
        }
        foreach (var item in due) _add(item);
    }

    /// <summary>Points the timer at the earliest pending item. Called under the lock.</summary>
    private void Arm()
    {
        if (!_heap.TryPeek(out _, out var at))
        {
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }
        _timer.Change(TimerDelay.Clamp(at - _time.GetUtcNow()), Timeout.InfiniteTimeSpan);
    }
}
