using System.Threading.Channels;

namespace CiBridge.Sandbox.ApiServer.Watch;

/// <summary>One watcher's queue of events for one resource. Writers never block on it.</summary>
internal sealed class WatchSubscription(string storageKey, Action<WatchSubscription> unsubscribe) : IDisposable
{
    private readonly Channel<WatchEvent> _events = Channel.CreateUnbounded<WatchEvent>(new UnboundedChannelOptions { SingleReader = true });

    public string StorageKey { get; } = storageKey;

    public ChannelReader<WatchEvent> Events => _events.Reader;

    public void Offer(WatchEvent change) => _events.Writer.TryWrite(change);

    public void Dispose()
    {
        unsubscribe(this);
        _events.Writer.TryComplete();
    }
}
