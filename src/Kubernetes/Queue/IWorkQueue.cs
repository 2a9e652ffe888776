namespace CiBridge.Kubernetes.Queue;

/// <summary>
/// A work queue with client-go's promises (<c>util/workqueue/doc.go</c>):
/// <list type="bullet">
/// <item><b>Fair:</b> items are handed out in the order they were added (FIFO).</item>
/// <item><b>Stingy:</b> an item is never handed to two workers at once; adding an item that is
/// already waiting does nothing (duplicates collapse).</item>
/// <item><b>Re-add while processing:</b> an item added while a worker holds it is handed out again
/// after that worker calls <see cref="Done"/>, exactly once however often it was added.</item>
/// <item><b>Shutdown:</b> after <see cref="ShutDown"/>, adds are ignored, waiting items are still
/// handed out, and <see cref="GetAsync"/> reports shutdown once the queue is empty.</item>
/// </list>
/// </summary>
public interface IWorkQueue<T> where T : notnull
{
    /// <summary>Marks <paramref name="item"/> as needing processing.</summary>
    void Add(T item);

    /// <summary>
    /// Waits for the next item. <c>ShuttingDown</c> is true (and <c>Item</c> meaningless) once the
    /// queue is shut down and empty. Every item returned must be passed to <see cref="Done"/>.
    /// </summary>
    ValueTask<(T Item, bool ShuttingDown)> GetAsync(CancellationToken ct);

    /// <summary>Marks the end of processing; an item added meanwhile is queued again.</summary>
    void Done(T item);

    /// <summary>Number of items waiting (not those being processed).</summary>
    int Count { get; }

    /// <summary>Stops accepting adds and wakes every waiting worker once the queue is empty.</summary>
    void ShutDown();

    /// <summary>Shuts down, then completes when no item is being processed any more.</summary>
    Task ShutDownWithDrainAsync(CancellationToken ct);
}

/// <summary>A work queue that can also add an item after a delay.</summary>
public interface IDelayingQueue<T> : IWorkQueue<T> where T : notnull
{
    /// <summary>Adds <paramref name="item"/> once <paramref name="delay"/> has passed; an earlier pending time wins.</summary>
    void AddAfter(T item, TimeSpan delay);
}

/// <summary>A delaying queue whose re-adds are paced by an <see cref="IRateLimiter{T}"/>.</summary>
public interface IRateLimitingQueue<T> : IDelayingQueue<T> where T : notnull
{
    /// <summary>Adds the item after the delay the rate limiter chooses for it.</summary>
    void AddRateLimited(T item);

    /// <summary>Tells the rate limiter the item succeeded: its back-off starts over.</summary>
    void Forget(T item);

    /// <summary>How often the item has been re-added with <see cref="AddRateLimited"/> since it was last forgotten.</summary>
    int NumRequeues(T item);
}
