namespace CiBridge.Kubernetes.Controllers;

/// <summary>
/// Drives one object towards its spec. It gets only a key, never an event: a deleted object is
/// noticed because it is gone or has a <c>deletionTimestamp</c>. It must not loop or sleep; it
/// returns a <see cref="ReconcileResult"/> instead. An exception it throws counts as
/// <see cref="ReconcileResult.Retry"/>.
/// </summary>
public interface IReconciler
{
    ValueTask<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken ct);
}
