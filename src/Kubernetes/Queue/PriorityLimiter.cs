namespace CiBridge.Kubernetes.Queue;

/// <summary>
/// A <see cref="TokenBucket"/> whose waiters are served by priority, not by arrival: the order is
/// decided when a token is there (nobody holds a reservation). A freed token goes to the
/// longest-waiting request marked <c>ahead</c>, else to the longest-waiting other one. So that the
/// others are late but never starved, one that has waited <see cref="MaxDeferral"/> goes before
/// every request marked ahead.
/// </summary>
public sealed class PriorityLimiter : IDisposable
{
    /// <summary>The longest a request not marked ahead is kept behind those that are.</summary>
    public static readonly TimeSpan MaxDeferral = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private readonly TokenBucket _bucket;
    private readonly TimeProvider _time;
    private readonly LinkedList<Waiter> _ahead = new();
    private readonly LinkedList<Waiter> _others = new();
    private readonly ITimer _timer;

    public PriorityLimiter(double qps, int burst, TimeProvider time)
    {
        _bucket = new TokenBucket(qps, burst, time);
        _time = time;
        _timer = time.CreateTimer(_ => Serve(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Completes when the caller may send its request.</summary>
    public Task WaitAsync(bool ahead, CancellationToken ct)
    {
        if (ct.IsCancellationRequested) return Task.FromCanceled(ct);
        lock (_gate)
        {
            if (_ahead.Count == 0 && _others.Count == 0 && _bucket.TryTake()) return Task.CompletedTask;
            var waiter = new Waiter(_time.GetTimestamp());
            var node = (ahead ? _ahead : _others).AddLast(waiter);
            waiter.Cancellation = ct.Register(() => Cancel(node, ct));
            ServeLocked();
            return waiter.Done.Task;
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        lock (_gate)
        {
            foreach (var waiter in _ahead.Concat(_others)) waiter.Done.TrySetException(new ObjectDisposedException(nameof(PriorityLimiter)));
            _ahead.Clear();
            _others.Clear();
        }
    }

    private void Serve()
    {
        lock (_gate) ServeLocked();
    }

    /// <summary>Hands out the tokens that are there, then sets the timer for the next one a waiter needs.</summary>
    private void ServeLocked()
    {
        while (Next() is { } queue && _bucket.TryTake())
        {
            var waiter = queue.First!.Value;
            queue.RemoveFirst();
            waiter.Cancellation.Unregister();
            waiter.Done.TrySetResult();
        }
        if (_ahead.Count == 0 && _others.Count == 0) return;
        // At least a millisecond: a token a rounding error short must not spin the timer.
        var wait = _bucket.UntilNextToken();
        _timer.Change(wait < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : wait, Timeout.InfiniteTimeSpan);
    }

    private LinkedList<Waiter>? Next()
    {
        if (_others.First is { } oldest && _time.GetElapsedTime(oldest.Value.Since) >= MaxDeferral) return _others;
        if (_ahead.Count > 0) return _ahead;
        return _others.Count > 0 ? _others : null;
    }

    private void Cancel(LinkedListNode<Waiter> node, CancellationToken ct)
    {
        lock (_gate)
        {
            node.List?.Remove(node);
        }
        node.Value.Done.TrySetCanceled(ct);
    }

    private sealed class Waiter(long since)
    {
        public long Since { get; } = since;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationTokenRegistration Cancellation { get; set; }
    }
}
