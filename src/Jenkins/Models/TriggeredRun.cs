namespace CiBridge.Jenkins.Models;

/// <summary>
/// A queue item or build as an earlier trigger may have left it: who asked for it, with which
/// parameter values, and since when.
/// </summary>
/// <param name="QueueItemId">The queue item (a build names the item it came from).</param>
/// <param name="BuildNumber">The build, once it started; null while queued.</param>
/// <param name="Since">A queue item's <c>inQueueSince</c>, or a build's <c>timestamp</c> (its start), on Jenkins' clock.</param>
/// <param name="UserIds">The <c>userId</c> of every <c>Cause$UserIdCause</c> (one per folded request).</param>
/// <param name="Parameters">Parameter values; null where Jenkins does not export the value (password parameters).</param>
public sealed record TriggeredRun(
    long QueueItemId,
    int? BuildNumber,
    DateTimeOffset Since,
    IReadOnlyList<string> UserIds,
    IReadOnlyDictionary<string, string?> Parameters);
