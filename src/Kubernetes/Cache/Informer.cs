using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Models;
using CiBridge.Kubernetes.Queue;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CiBridge.Kubernetes.Cache;

/// <summary>Creates informers.</summary>
public static class Informer
{
    /// <summary>
    /// An informer for <typeparamref name="T"/>; with several <see cref="InformerOptions.Namespaces"/>
    /// it is one informer per namespace behind one interface.
    /// </summary>
    public static IInformer<T> Create<T>(IKubernetesClient client, InformerOptions options, TimeProvider time, ILogger? logger = null)
        where T : class, IKubernetesObject =>
        CreateCached<T>(client, options, time, logger ?? NullLogger.Instance);

    internal static ICachedInformer<T> CreateCached<T>(IKubernetesClient client, InformerOptions options, TimeProvider time, ILogger logger)
        where T : class, IKubernetesObject
    {
        var namespaces = options.Namespaces.Where(n => !string.IsNullOrEmpty(n)).Distinct(StringComparer.Ordinal).ToList();
        if (namespaces.Count <= 1) return new Informer<T>(client, options, namespaces.FirstOrDefault(), time, logger);
        return new MultiNamespaceInformer<T>(namespaces.ToDictionary(n => n, n => new Informer<T>(client, options, n, time, logger), StringComparer.Ordinal));
    }
}

/// <summary>What the cache needs of an informer beyond <see cref="IInformer{T}"/>.</summary>
internal interface ICachedInformer<T> : IInformer<T> where T : class, IKubernetesObject
{
    /// <summary>Completes once the first list is in the store and its handlers have run.</summary>
    Task Synced { get; }

    /// <summary>The resourceVersion a list read from the cache reports; null when there is no single one.</summary>
    string? LastSyncResourceVersion { get; }

    bool HasIndex(string name);
}

/// <summary>The store, its handlers and the reflector that feeds them.</summary>
internal sealed partial class Informer<T> : ICachedInformer<T> where T : class, IKubernetesObject
{
    private readonly ObjectStore<T> _store = new();
    private readonly Lock _handlersGate = new();
    private readonly InformerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Reflector<T> _reflector;
    private readonly UndecodableReports _undecodable;
    private readonly UndecodableFinalizerRelease<T> _release;
    private IResourceEventHandler<T>[] _handlers = [];
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // ns: the one namespace to watch; null watches all.
    public Informer(IKubernetesClient client, InformerOptions options, string? ns, TimeProvider time, ILogger logger)
    {
        _options = options;
        _time = time;
        _logger = logger;
        _reflector = new Reflector<T>(client, options, ns, time, logger, this);
        _release = new UndecodableFinalizerRelease<T>(client, options.ReleasableFinalizers, logger);
        _undecodable = new UndecodableReports(bad => { options.OnUndecodable?.Invoke(bad); _release.Consider(bad); }, logger);
    }

    public bool HasSynced => _synced.Task.IsCompleted;

    public Task Synced => _synced.Task;

    public string? LastSyncResourceVersion => _reflector.LastResourceVersion;

    public void AddEventHandler(IResourceEventHandler<T> handler)
    {
        lock (_handlersGate)
        {
            _handlers = [.. _handlers, handler];
            // A handler added late is told about what is already there (client-go does the same).
            foreach (var item in _store.List(null)) Safely(handler, h => h.OnAdd(item));
        }
    }

    public void AddIndex(string name, Func<T, IEnumerable<string>> index) => _store.AddIndex(name, index);

    public bool HasIndex(string name) => _store.HasIndex(name);

    public T? Get(ObjectKey key) => _store.Get(key);

    public IReadOnlyList<T> List(string? ns = null) => _store.List(ns);

    public IReadOnlyList<T> ByIndex(string index, string value) => _store.ByIndex(index, value);

    public async Task RunAsync(CancellationToken ct)
    {
        _release.Stopping = ct;
        using var resync = _options.ResyncPeriod is { } period
            ? _time.CreateTimer(_ => Resync(), null, TimerDelay.Clamp(period), TimerDelay.Clamp(period))
            : null;
        await _reflector.RunAsync(ct);
    }

    internal void OnReplaced(List<StoreChange<T>> changes)
    {
        foreach (var change in changes) Notify(change);
        _synced.TrySetResult();
    }

    internal void OnEvent(WatchEvent<T> change)
    {
        if (change.Undecodable is { } bad)
        {
            OnUndecodableChange(change.Type, bad);
            return;
        }
        _undecodable.Forget(ObjectKey.Of(change.Resource));
        switch (change.Type)
        {
            case WatchEventType.Added or WatchEventType.Modified:
                Notify(new StoreChange<T>(_store.Upsert(CacheTrim.Apply(change.Resource)), change.Resource));
                break;
            case WatchEventType.Deleted:
                _store.Delete(ObjectKey.Of(change.Resource));
                Notify(new StoreChange<T>(change.Resource, null));
                break;
        }
    }

    internal List<StoreChange<T>> Replace(IReadOnlyList<T> items)
    {
        foreach (var item in items) CacheTrim.Apply(item);
        return _store.Replace(items);
    }

    /// <summary>After a list: reports each undecodable object not reported at its resourceVersion yet.</summary>
    internal void OnUndecodableListed(IReadOnlyList<UndecodableObject> listed) => _undecodable.ReplaceWith(listed);

    /// <summary>
    /// A watched object that does not fit <typeparamref name="T"/>: any copy we hold is dropped (its
    /// handlers see a delete, so no controller acts on a spec it no longer has), and it is reported
    /// once per resourceVersion; its next change is decoded afresh.
    /// </summary>
    private void OnUndecodableChange(WatchEventType type, UndecodableObject bad)
    {
        var key = ObjectKey.Of(bad);
        if (_store.Get(key) is { } held)
        {
            _store.Delete(key);
            Notify(new StoreChange<T>(held, null));
        }
        if (type == WatchEventType.Deleted) _undecodable.Forget(key);
        else _undecodable.Report(bad);
    }

    private void Notify(StoreChange<T> change)
    {
        lock (_handlersGate)
        {
            foreach (var handler in _handlers)
            {
                if (change.New is null) Safely(handler, h => h.OnDelete(change.Old!));
                else if (change.Old is null) Safely(handler, h => h.OnAdd(change.New));
                else Safely(handler, h => h.OnUpdate(change.Old, change.New));
            }
        }
    }

    private void Resync()
    {
        foreach (var item in _store.List(null)) Notify(new StoreChange<T>(item, item));
    }

    private void Safely(IResourceEventHandler<T> handler, Action<IResourceEventHandler<T>> call)
    {
        try
        {
            call(handler);
        }
        catch (Exception e)
        {
            LogHandlerFailed(_logger, typeof(T).Name, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An event handler for {Kind} failed; handlers should only enqueue keys")]
    private static partial void LogHandlerFailed(ILogger logger, string kind, Exception error);
}
