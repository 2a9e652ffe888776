using CiBridge.Jenkins.Models;

namespace CiBridge.Jenkins;

/// <summary>Queue items (they vanish about five minutes after leaving the queue).</summary>
public interface IJenkinsQueue
{
    /// <summary>Reads a queue item; NotFound once it expired.</summary>
    Task<QueueItem> GetQueueItemAsync(long queueItemId, CancellationToken ct);

    /// <summary>Cancels a queued item; false when it already left the queue or is gone.</summary>
    Task<bool> CancelQueueItemAsync(long queueItemId, CancellationToken ct);

    /// <summary>
    /// Finds the queued item or build carrying a run id parameter value: in the queue, then among
    /// the builds that started since <paramref name="since"/> (Jenkins' clock), however many;
    /// without it, among the newest <c>BuildSearchLimit</c> builds.
    /// </summary>
    Task<RunLocation?> FindRunAsync(string jobPath, string parameterName, string value, DateTimeOffset? since, CancellationToken ct);

    /// <summary>
    /// Queue items and builds that a trigger by this client's user with the fingerprint's parameter
    /// values may have become (no run id needed), back to the fingerprint's time however many builds
    /// started since, oldest first; empty when none.
    /// </summary>
    Task<IReadOnlyList<TriggeredRun>> FindTriggeredAsync(TriggerFingerprint fingerprint, CancellationToken ct);
}
