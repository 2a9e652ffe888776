using System.Collections.Concurrent;
using CiBridge.Kubernetes.Controllers;

namespace CiBridge.Operator.Controllers.Tasks;

/// <summary>
/// Which CiTask owns which Jenkins queue item. Jenkins folds a trigger into an identical request
/// still in the queue and answers with the existing item, so two CiTasks with the same job and
/// parameters could both think one build is theirs. The first to claim an item keeps it; the
/// other triggers again once that item has left the queue, and so gets a build of its own.
/// </summary>
internal sealed class QueueClaims
{
    private readonly ConcurrentDictionary<(string Endpoint, string Job, long QueueItem), ObjectKey> _owners = new();

    /// <summary>True when <paramref name="owner"/> now owns the item (or already did).</summary>
    public bool TryClaim(string endpoint, string job, long queueItem, ObjectKey owner) =>
        _owners.GetOrAdd((endpoint, job, queueItem), owner) == owner;

    /// <summary>Records an item an owner's status already holds (after a restart).</summary>
    public void Restore(string endpoint, string job, long queueItem, ObjectKey owner) => _owners.TryAdd((endpoint, job, queueItem), owner);

    public void Release(ObjectKey owner)
    {
        foreach (var entry in _owners.Where(e => e.Value == owner)) _owners.TryRemove(entry);
    }
}
