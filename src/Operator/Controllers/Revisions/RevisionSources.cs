using CiBridge.Entities.CiTasks;
using CiBridge.Entities.Conditions;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Events;
using CiBridge.Kubernetes.Models;
using CiBridge.Operator.Controllers.Shared;

namespace CiBridge.Operator.Controllers.Revisions;

/// <summary>
/// Reads the revision a CiTask's <c>spec.revisionFrom</c> reports: from the lazily started
/// informer once it has synced, otherwise straight from the API server. A missing object and a
/// kind whose CRD is not installed both answer 404 and give <c>RevisionSourceNotFound</c>, retried
/// with back-off (and brought back at once by the watch when the object appears).
/// </summary>
internal sealed class RevisionSources(IKubernetesClient api, RevisionWatch watch)
{
    /// <summary>The revision to run with, or null with the outcome that says why there is none (Continue: the task has no revisionFrom).</summary>
    public async Task<(SourceRevision? Revision, Outcome Outcome)> ReadAsync(CiTask task, CancellationToken ct)
    {
        if (task.Spec.RevisionFrom is not { } from) return (null, Outcome.Continue);
        var key = new ObjectKey(task.Metadata.Namespace, from.Name);
        IKubernetesObject? source;
        try
        {
            source = from.Kind == RevisionSource.ApplicationKind
                ? await GetAsync<ArgoApplication>(key, ct)
                : await GetAsync<FluxGitRepository>(key, ct);
        }
        catch (ApiException e)
        {
            return (null, Outcome.Retry(TaskReasons.RevisionSourceNotFound, $"reading {SourceRevision.Describe(from)}: {e.Message}", e));
        }
        if (source is null)
        {
            return (null, Outcome.Retry(TaskReasons.RevisionSourceNotFound,
                $"{SourceRevision.Describe(from)} not found in namespace \"{key.Namespace}\" (or its CRD, {RevisionSource.ApiVersionOf(from.Kind)}, is not installed)"));
        }
        if (SourceRevision.Of(source) is not { } reported)
        {
            return (null, Outcome.Wait(TaskReasons.Pending, $"waiting for {SourceRevision.Describe(from)} to report a revision"));
        }
        watch.Note(ObjectKey.Of(task), reported);
        return (SourceRevision.Parse(reported), Outcome.Continue);
    }

    /// <summary>
    /// After a status write that handled a new revision: a Normal Event naming the revisions that came
    /// and went while a run was under way, so a burst of pushes is never skipped silently.
    /// </summary>
    public void AnnounceSkipped(IEventRecorder events, CiTask before, CiTask after)
    {
        var handled = after.Status?.LastHandledRevision;
        if (after.Spec.RevisionFrom is not { } from || handled is null || handled == before.Status?.LastHandledRevision) return;
        var skipped = watch.TakeSkipped(ObjectKey.Of(after), before.Status?.LastHandledRevision, handled);
        if (skipped.Count == 0) return;
        events.Record(after, EventTypes.Normal, "RevisionsSkipped",
            $"{SourceRevision.Describe(from)} reported {string.Join(", ", skipped)} while a run was under way; running the newest, {handled}");
    }

    /// <summary>The task is gone: drop what was noted for it.</summary>
    public void Forget(ObjectKey task) => watch.Forget(task);

    private async Task<T?> GetAsync<T>(ObjectKey key, CancellationToken ct) where T : class, IKubernetesObject =>
        watch.Informer<T>() is { HasSynced: true } informer ? informer.Get(key) : await api.GetAsync<T>(key, ct);
}
