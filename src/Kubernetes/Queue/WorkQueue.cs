namespace CiBridge.Kubernetes.Queue;

/// <summary>Creates work queues.</summary>
public static class WorkQueue
{
    /// <summary>A rate-limiting queue; <paramref name="rateLimiter"/> defaults to <see cref="RateLimiters.DefaultController{T}"/>.</summary>
    public static IRateLimitingQueue<T> Create<T>(TimeProvider time, IRateLimiter<T>? rateLimiter = null) where T : notnull =>
        new WorkQueue<T>(time, rateLimiter ?? RateLimiters.DefaultController<T>(time));
}

/// <summary>
/// The queue behind <see cref="IRateLimitingQueue{T}"/>. Three sets carry the promises listed on
/// <see cref="IWorkQueue{T}"/>: <c>_queue</c> (waiting, in order), <c>_dirty</c> (needs processing)
/// and <c>_processing</c> (held by a worker). An item is in <c>_queue</c> only if it is dirty and
/// not being processed, which is what makes the queue stingy.
/// </summary>
internal sealed class WorkQueue<T> : IRateLimitingQueue<T> where T : notnull
{
    private readonly Lock _gate = new();
    private readonly Queue<T> _queue = new();
    private readonly HashSet<T> _dirty = [];
    private readonly HashSet<T> _processing = [];
    private readonly LinkedList<TaskCompletionSource<(T, bool)>> _waiters = new();
    private readonly IRateLimiter<T> _rateLimiter;
    private readonly DelayedAdds<T> _delayed;
    private TaskCompletionSource? _drained;
    private bool _shuttingDown;

    public WorkQueue(TimeProvider time, IRateLimiter<T> rateLimiter)
    {
        _rateLimiter = rateLimiter;
        _delayed = new DelayedAdds<T>(time, Add);
    }

    public int Count
    {
        get { lock (_gate) return _queue.Count; }
    }

    public void Add(T item)
    {
        lock (_gate)
        {
            if (_shuttingDown || !_dirty.Add(item) || _processing.Contains(item)) return;
            Enqueue(item);
        }
    }

    public ValueTask<(T Item, bool ShuttingDown)> GetAsync(CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_queue.Count > 0) return ValueTask.FromResult((Take(), false));
            if (_shuttingDown) return ValueTask.FromResult((default(T)!, true));
            var waiter = new TaskCompletionSource<(T, bool)>(TaskCreationOptions.RunContinuationsAsynchronously);
            var node = _waiters.AddLast(waiter);
            return new ValueTask<(T, bool)>(WaitAsync(node, ct));
        }
    }

    public void Done(T item)
    {
        lock (_gate)
        {
            _processing.Remove(item);
            if (_dirty.Contains(item)) Enqueue(item);
            if (_processing.Count == 0) _drained?.TrySetResult();
        }
    }

    public void ShutDown()
    {
        _delayed.Stop();
        lock (_gate)
        {
            _shuttingDown = true;
            if (_queue.Count > 0) return;
            foreach (var waiter in _waiters) waiter.TrySetResult((default!, true));
            _waiters.Clear();
        }
    }

    public async Task ShutDownWithDrainAsync(CancellationToken ct)
    {
        ShutDown();
        Task drained;
        lock (_gate)
        {
            if (_processing.Count == 0) return;
            _drained ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            drained = _drained.Task;
        }
        await drained.WaitAsync(ct);
    }

    public void AddAfter(T item, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero) Add(item);
        else _delayed.Schedule(item, delay);
    }

    public void AddRateLimited(T item) => AddAfter(item, _rateLimiter.When(item));

    public void Forget(T item) => _rateLimiter.Forget(item);

    public int NumRequeues(T item) => _rateLimiter.NumRequeues(item);

    /// <summary>Hands the item to the longest-waiting worker, or queues it. Called under the lock.</summary>
    private void Enqueue(T item)
    {
        while (_waiters.First is { } first)
        {
            _waiters.RemoveFirst();
            _processing.Add(item);
            _dirty.Remove(item);
            if (first.Value.TrySetResult((item, false))) return;
            _processing.Remove(item);
            _dirty.Add(item);
        }
        _queue.Enqueue(item);
    }

    private T Take()
    {
        var item = _queue.Dequeue();
        _processing.Add(item);
        _dirty.Remove(item);
        return item;
    }

    private async Task<(T, bool)> WaitAsync(LinkedListNode<TaskCompletionSource<(T, bool)>> node, CancellationToken ct)
    {
        await using var registration = ct.Register(() =>
        {
            lock (_gate)
            {
                if (node.List is not null) _waiters.Remove(node);
            }
            node.Value.TrySetCanceled(ct);
        });
        return await node.Value.Task;
    }
}
