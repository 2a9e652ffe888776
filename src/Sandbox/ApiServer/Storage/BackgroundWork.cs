using System.Threading.Channels;

namespace CiBridge.Sandbox.ApiServer.Storage;

/// <summary>
/// The sandbox's controllers in one queue: garbage collection, namespace and CRD cleanup run after
/// the write that triggers them, in order, off the request path (as kube's controllers do).
/// </summary>
internal sealed class BackgroundWork
{
    private readonly Channel<Func<CancellationToken, Task>> _work = Channel.CreateUnbounded<Func<CancellationToken, Task>>();
    private int _pending;

    /// <summary>Items queued or running; 0 when the sandbox is idle.</summary>
    public int Pending => Volatile.Read(ref _pending);

    public void Enqueue(Func<CancellationToken, Task> item)
    {
        Interlocked.Increment(ref _pending);
        _work.Writer.TryWrite(item);
    }

    public async Task RunAsync(CancellationToken ct)
    {
        await foreach (var item in _work.Reader.ReadAllAsync(ct))
        {
            try
            {
                await item(ct);
            }
            catch (Exception) when (!ct.IsCancellationRequested)
            {
                // A controller step that fails (object gone meanwhile, conflict) is simply dropped: the
                // next write that matters enqueues fresh work.
            }
            finally
            {
                Interlocked.Decrement(ref _pending);
            }
        }
    }
}
