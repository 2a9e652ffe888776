using System.Collections.Concurrent;
using CiBridge.Entities.CiTasks;
using CiBridge.Kubernetes.Cache;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Models;

namespace CiBridge.Operator.Controllers.Revisions;

/// <summary>
/// Watches GitRepositories and Applications only once a CiTask refers to that kind: the first read
/// starts the kind's informer (an operator in a cluster without Flux or Argo CD never lists them).
/// A kind whose CRD is not installed is listed again with the informer's back-off (at most every
/// 30 s) until it appears. Every change queues the CiTasks that take their revision from the object
/// and notes the revision it reports, so a burst of pushes during a run can be named afterwards.
/// </summary>
internal sealed class RevisionWatch
{
    public const string BySource = "revision-source";
    private const int MaxNoted = 20;

    private readonly ConcurrentDictionary<Type, object> _watching = new();
    private readonly ConcurrentDictionary<ObjectKey, List<string>> _noted = new();
    private (IInformerCache Cache, IController Controller, IInformer<CiTask> Tasks)? _connected;

    /// <summary>Called when the CiTask controller is wired; until then (unit tests) reads go to the API.</summary>
    public void Connect(IInformerCache cache, IController controller)
    {
        var tasks = cache.GetInformer<CiTask>();
        tasks.AddIndex(BySource, t => t.Spec.RevisionFrom is { } from ? [IndexKey(t.Metadata.Namespace, from.Kind, from.Name)] : []);
        _connected = (cache, controller, tasks);
    }

    /// <summary>The informer of <typeparamref name="T"/>, started on first use; null when not connected.</summary>
    public IInformer<T>? Informer<T>() where T : class, IKubernetesObject
    {
        if (_connected is not { } c) return null;
        return (IInformer<T>)_watching.GetOrAdd(typeof(T), _ =>
        {
            var informer = c.Cache.GetInformer<T>();
            informer.AddEventHandler(EventHandlers.EnqueueMapped<T>(c.Controller.Queue, source => Referrers(c.Tasks, source)));
            return informer;
        });
    }

    /// <summary>Remembers that <paramref name="task"/>'s source reported <paramref name="revision"/>.</summary>
    public void Note(ObjectKey task, string revision)
    {
        var noted = _noted.GetOrAdd(task, _ => []);
        lock (noted)
        {
            if (noted.Count > 0 && noted[^1] == revision) return;
            noted.Add(revision);
            if (noted.Count > MaxNoted) noted.RemoveAt(0);
        }
    }

    /// <summary>
    /// The revisions noted for <paramref name="task"/> that were neither handled before nor are the
    /// one now running, oldest first; forgets everything noted up to now.
    /// </summary>
    public IReadOnlyList<string> TakeSkipped(ObjectKey task, string? handledBefore, string running)
    {
        if (!_noted.TryGetValue(task, out var noted)) return [];
        lock (noted)
        {
            var skipped = noted.Where(r => r != handledBefore && r != running).Distinct(StringComparer.Ordinal).ToList();
            noted.Clear();
            return skipped;
        }
    }

    public void Forget(ObjectKey task) => _noted.TryRemove(task, out _);

    private List<ObjectKey> Referrers<T>(IInformer<CiTask> tasks, T source) where T : class, IKubernetesObject
    {
        var referrers = tasks.ByIndex(BySource, IndexKey(source.Metadata.Namespace, source.Kind, source.Metadata.Name)).Select(ObjectKey.Of).ToList();
        if (SourceRevision.Of(source) is { } revision)
        {
            foreach (var key in referrers) Note(key, revision);
        }
        return referrers;
    }

    private static string IndexKey(string? ns, string? kind, string? name) => $"{ns}/{kind}/{name}";
}
