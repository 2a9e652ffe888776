namespace CiBridge.Jenkins.Models;

/// <summary>Where a queue item is.</summary>
public enum QueueItemState
{
    /// <summary>In the quiet period (<c>Queue$WaitingItem</c>).</summary>
    Waiting,

    /// <summary>Blocked, e.g. a non-concurrent job is building (<c>Queue$BlockedItem</c>).</summary>
    Blocked,

    /// <summary>Waiting for an executor (<c>Queue$BuildableItem</c>).</summary>
    Buildable,

    /// <summary>Left the queue and became a build (<c>Queue$LeftItem</c> with an executable).</summary>
    Started,

    /// <summary>Cancelled before it started (<c>Queue$LeftItem</c>, cancelled).</summary>
    Cancelled,
}
