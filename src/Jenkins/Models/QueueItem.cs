namespace CiBridge.Jenkins.Models;

/// <summary>A queue item.</summary>
/// <param name="Id">Queue item id.</param>
/// <param name="State">Where it is.</param>
/// <param name="Why">Jenkins' explanation while queued.</param>
/// <param name="BuildNumber">The build it became, once started.</param>
/// <param name="BuildUrl">That build's URL as Jenkins reports it.</param>
/// <param name="JobName">The task's name.</param>
public sealed record QueueItem(long Id, QueueItemState State, string? Why, int? BuildNumber, Uri? BuildUrl, string? JobName)
{
    /// <summary>True while waiting, blocked or buildable.</summary>
    public bool IsQueued => State is QueueItemState.Waiting or QueueItemState.Blocked or QueueItemState.Buildable;
}
