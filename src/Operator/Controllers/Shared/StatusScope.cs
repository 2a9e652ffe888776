using CiBridge.Kubernetes.Models;

namespace CiBridge.Operator.Controllers.Shared;

/// <summary>What a kind does with a reconcile's outcome: its summary function and the Events it records on a transition.</summary>
/// <param name="Summarize">Derives Ready, Reconciling, Stalled (and the kind's own conditions) from the object and the outcome.</param>
/// <param name="Announce">Records Events for what changed between the status before and after a write.</param>
internal sealed record StatusRules<T>(Action<T, Outcome, DateTimeOffset> Summarize, Action<T, T> Announce);

/// <summary>
/// Owns one reconcile's view of an object's status (Flux's patch helper with its deferred patch):
/// <see cref="Original"/> is the status as last read or written, <see cref="Working"/> the copy
/// the steps change. <see cref="RunAsync"/> runs the steps and, in a <c>finally</c>, summarizes
/// and patches once whatever happened — an exception becomes a retried outcome first. The one
/// other write is <see cref="WriteIntentAsync"/>: a run recorded before its trigger.
/// </summary>
internal sealed class StatusScope<T>(T original, StatusWriter writer, StatusRules<T> rules, TimeProvider time)
    where T : class, IKubernetesObject
{
    public T Original { get; private set; } = writer.Copy(original);

    public T Working { get; private set; } = writer.Copy(original);

    /// <summary>Runs <paramref name="steps"/>, then summarizes and patches the status if it changed.</summary>
    /// <param name="steps">The reconcile's steps.</param>
    /// <param name="failedReason">The Ready reason of an exception a step threw.</param>
    /// <param name="ct">On cancellation (shutdown) nothing is written.</param>
    public async Task<Outcome> RunAsync(Func<CancellationToken, Task<Outcome>> steps, string failedReason, CancellationToken ct)
    {
        var outcome = Outcome.Done;
        try
        {
            outcome = await steps(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            outcome = Outcome.Failed(failedReason, e);
        }
        finally
        {
            if (!ct.IsCancellationRequested) await PatchAsync(outcome, ct);
        }
        return outcome;
    }

    /// <summary>
    /// Writes <paramref name="intended"/> (a copy of a fresh read, with the run recorded) guarded by
    /// its resourceVersion, summarized as <paramref name="assumed"/>: a stale read fails with 409
    /// and nothing is triggered. On success the scope continues from what was written.
    /// </summary>
    public async Task WriteIntentAsync(T intended, Outcome assumed, CancellationToken ct)
    {
        rules.Summarize(intended, assumed, time.GetUtcNow());
        var written = await writer.ReplaceGuardedAsync(intended, ct);
        Adopt(written);
    }

    /// <summary>Continues from <paramref name="fresh"/> (a read newer than the cache), discarding changes so far.</summary>
    public void Rebase(T fresh)
    {
        Original = writer.Copy(fresh);
        Working = writer.Copy(fresh);
    }

    /// <summary>A copy to prepare a write on.</summary>
    public T Copy(T obj) => writer.Copy(obj);

    private async Task PatchAsync(Outcome outcome, CancellationToken ct)
    {
        rules.Summarize(Working, outcome, time.GetUtcNow());
        if (await writer.WriteIfChangedAsync(Original, Working, ct)) Adopt(Working);
    }

    private void Adopt(T written)
    {
        rules.Announce(Original, written);
        Original = writer.Copy(written);
        Working = writer.Copy(written);
    }
}
