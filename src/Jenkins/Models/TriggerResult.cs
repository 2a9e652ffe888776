namespace CiBridge.Jenkins.Models;

/// <summary>A queued build.</summary>
/// <param name="QueueItemId">The queue item id from the <c>Location</c> header.</param>
/// <param name="QueueItemUrl">The item's API URL, rebuilt on the endpoint's base URL.</param>
/// <param name="Recovered">True when the response was lost and the run was found by its run id.</param>
/// <param name="BuildNumber">The build number, when recovery found a build already.</param>
public sealed record TriggerResult(long QueueItemId, Uri QueueItemUrl, bool Recovered = false, int? BuildNumber = null);
