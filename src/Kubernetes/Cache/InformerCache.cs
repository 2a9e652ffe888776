using System.Collections.Concurrent;
using System.Text.Json;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CiBridge.Kubernetes.Cache;

/// <summary>
/// One informer per kind, read through the same <see cref="IKubernetesReader"/> as the client
/// (controller-runtime's cache). Reads return deep copies, so callers may change what they get.
/// A <see cref="ListOptions.FieldSelector"/> of <c>name=value</c> is answered from the index
/// called <c>name</c> (and <c>metadata.name</c>/<c>metadata.namespace</c> always work).
/// </summary>
public interface IInformerCache : IKubernetesReader
{
    /// <summary>The informer for <typeparamref name="T"/>, created on first use (add indexes before <see cref="RunAsync"/>).</summary>
    IInformer<T> GetInformer<T>() where T : class, IKubernetesObject;

    /// <summary>True when every informer has synced; false when <paramref name="ct"/> ended the wait.</summary>
    Task<bool> WaitForSyncAsync(CancellationToken ct);

    /// <summary>Runs every informer (including ones asked for later) until <paramref name="ct"/> is cancelled.</summary>
    Task RunAsync(CancellationToken ct);
}

/// <summary>Creates informer caches.</summary>
public static class InformerCache
{
    /// <param name="client">Lists and watches.</param>
    /// <param name="json">Decodes the objects.</param>
    /// <param name="time">Timers of the informers.</param>
    /// <param name="options">Options of every informer.</param>
    /// <param name="logger">The informers' log.</param>
    /// <param name="fieldSelectors">Per kind, the field selector its informer lists and watches with, in place of <see cref="InformerOptions.FieldSelector"/>.</param>
    public static IInformerCache Create(
        IKubernetesClient client, JsonSerializerOptions json, TimeProvider time, InformerOptions? options = null, ILogger? logger = null,
        IReadOnlyDictionary<Type, string>? fieldSelectors = null) =>
        new SharedInformerCache(client, json, time, options ?? new InformerOptions(), logger ?? NullLogger.Instance, fieldSelectors ?? new Dictionary<Type, string>());
}

internal sealed class SharedInformerCache(
    IKubernetesClient client, JsonSerializerOptions json, TimeProvider time, InformerOptions options, ILogger logger,
    IReadOnlyDictionary<Type, string> fieldSelectors) : IInformerCache
{
    private readonly ConcurrentDictionary<Type, Entry> _informers = new();
    private readonly Lock _gate = new();
    private readonly List<Task> _running = [];
    private CancellationToken? _runToken;

    public IInformer<T> GetInformer<T>() where T : class, IKubernetesObject => Informer<T>();

    public async ValueTask<T?> GetAsync<T>(ObjectKey key, CancellationToken ct) where T : class, IKubernetesObject
    {
        var informer = await SyncedInformerAsync<T>(ct);
        return informer.Get(key) is { } found ? json.DeepCopy(found) : null;
    }

    public async ValueTask<ObjectList<T>> ListAsync<T>(ListOptions? options, CancellationToken ct) where T : class, IKubernetesObject
    {
        var informer = await SyncedInformerAsync<T>(ct);
        IEnumerable<T> items = Select(informer, options);
        if (options?.LabelSelector is { Length: > 0 } selector)
        {
            var matcher = LabelSelectorMatcher.Parse(selector);
            items = items.Where(i => matcher.Matches(i.Metadata.Labels));
        }
        var copies = items.Select(i => json.DeepCopy(i)).ToList();
        return new ObjectList<T>(copies, informer.LastSyncResourceVersion);
    }

    public async Task<bool> WaitForSyncAsync(CancellationToken ct)
    {
        try
        {
            await Task.WhenAll(_informers.Values.Select(e => e.Synced)).WaitAsync(ct);
            return true;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return false;
        }
    }

    public async Task RunAsync(CancellationToken ct)
    {
        lock (_gate)
        {
            _runToken = ct;
            foreach (var entry in _informers.Values.Where(e => !e.Started)) _running.Add(entry.Run(ct));
        }
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, time, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        Task[] running;
        lock (_gate) running = [.. _running];
        await Task.WhenAll(running);
    }

    /// <summary>
    /// The informer, once it has synced: a read of a kind nobody asked for before start starts its
    /// informer and waits, rather than answering "not found" from an empty store.
    /// </summary>
    private async ValueTask<ICachedInformer<T>> SyncedInformerAsync<T>(CancellationToken ct) where T : class, IKubernetesObject
    {
        var informer = Informer<T>();
        if (informer.HasSynced) return informer;
        lock (_gate)
        {
            if (_runToken is null) throw new InvalidOperationException($"the cache is not running; cannot read {typeof(T).Name}");
        }
        await informer.Synced.WaitAsync(ct);
        return informer;
    }

    private ICachedInformer<T> Informer<T>() where T : class, IKubernetesObject
    {
        var entry = _informers.GetOrAdd(typeof(T), _ => Entry.For(Cache.Informer.CreateCached<T>(client, OptionsFor<T>(), time, logger)));
        lock (_gate)
        {
            if (_runToken is { } ct && !entry.Started) _running.Add(entry.Run(ct));
        }
        return (ICachedInformer<T>)entry.Informer;
    }

    private InformerOptions OptionsFor<T>() =>
        fieldSelectors.TryGetValue(typeof(T), out var selector) ? options with { FieldSelector = selector } : options;

    private static IEnumerable<T> Select<T>(ICachedInformer<T> informer, ListOptions? options) where T : class, IKubernetesObject
    {
        var ns = string.IsNullOrEmpty(options?.Namespace) ? null : options.Namespace;
        if (options?.FieldSelector is not { Length: > 0 } field) return informer.List(ns);
        var equal = field.IndexOf('=', StringComparison.Ordinal);
        if (equal <= 0 || field.Contains(',', StringComparison.Ordinal)) throw new NotSupportedException($"field selector \"{field}\" is not supported by the cache");
        var (name, value) = (field[..equal], field[(equal + 1)..].TrimStart('='));
        IEnumerable<T> items = name switch
        {
            "metadata.name" => informer.List(ns).Where(i => i.Metadata.Name == value),
            "metadata.namespace" => informer.List(value),
            _ when informer.HasIndex(name) => informer.ByIndex(name, value),
            _ => throw new InvalidOperationException($"no index named \"{name}\" on the {typeof(T).Name} informer"),
        };
        return ns is null ? items : items.Where(i => i.Metadata.Namespace == ns);
    }

    private sealed class Entry(object informer, Func<CancellationToken, Task> run, Func<Task> synced)
    {
        public object Informer => informer;

        public Task Synced => synced();

        public bool Started { get; private set; }

        public static Entry For<T>(ICachedInformer<T> informer) where T : class, IKubernetesObject =>
            new(informer, informer.RunAsync, () => informer.Synced);

        public Task Run(CancellationToken ct)
        {
            Started = true;
            return Task.Run(() => run(ct), CancellationToken.None);
        }
    }
}
