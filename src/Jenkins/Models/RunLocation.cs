namespace CiBridge.Jenkins.Models;

/// <summary>Where a run was found: still queued, or already a build.</summary>
/// <param name="QueueItemId">The queue item, when known.</param>
/// <param name="Build">The build, once it started.</param>
public sealed record RunLocation(long? QueueItemId, BuildInfo? Build);
