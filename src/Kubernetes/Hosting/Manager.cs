using System.Text.Json;
using CiBridge.Kubernetes.Cache;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Events;
using CiBridge.Kubernetes.LeaderElection;
using CiBridge.Kubernetes.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CiBridge.Kubernetes.Hosting;

/// <summary>
/// Starts things in controller-runtime's order (<c>runnable_group.go</c>): the event writer, then
/// the caches, waiting until they have synced (<see cref="IsReady"/>), then — only while this
/// replica leads — the controllers. Probes and webhooks belong to the host and run on every replica.
/// </summary>
public interface IManager
{
    IKubernetesClient Client { get; }

    IInformerCache Cache { get; }

    /// <summary>The serializer options of <see cref="Client"/>, for status patches and copies.</summary>
    JsonSerializerOptions Json { get; }

    /// <summary>True once the caches have synced (a readiness probe).</summary>
    bool IsReady { get; }

    bool IsLeader { get; }

    /// <summary>Adds a controller; wire its informer handlers before <see cref="RunAsync"/>.</summary>
    void Add(IController controller);

    /// <summary>Runs until <paramref name="ct"/> is cancelled (returns true) or leadership is lost (returns false).</summary>
    Task<bool> RunAsync(CancellationToken ct);
}

/// <summary>Creates managers.</summary>
public static class Manager
{
    public static IManager Create(KubernetesRuntimeOptions options, TimeProvider time, ILoggerFactory? loggers = null) =>
        ControllerManager.Create(options, time, loggers ?? NullLoggerFactory.Instance).Manager;
}

/// <summary>The manager and the event recorder it feeds.</summary>
internal sealed record ManagerParts(ControllerManager Manager, IEventRecorder Events);

internal sealed class ControllerManager : IManager
{
    private readonly List<IController> _controllers = [];
    private readonly Func<CancellationToken, Task> _runEvents;
    private readonly ILeaderElector? _elector;
    private readonly TimeSpan _syncTimeout;
    private readonly TimeProvider _time;
    private volatile bool _ready;

    private ControllerManager(
        IKubernetesClient client, JsonSerializerOptions json, IInformerCache cache, Func<CancellationToken, Task> runEvents,
        ILeaderElector? elector, TimeSpan syncTimeout, TimeProvider time)
    {
        Client = client;
        Json = json;
        Cache = cache;
        _runEvents = runEvents;
        _elector = elector;
        _syncTimeout = syncTimeout;
        _time = time;
    }

    public IKubernetesClient Client { get; }

    public IInformerCache Cache { get; }

    public JsonSerializerOptions Json { get; }

    public bool IsReady => _ready;

    public bool IsLeader => _elector?.IsLeader ?? _ready;

    public static ManagerParts Create(KubernetesRuntimeOptions options, TimeProvider time, ILoggerFactory loggers)
    {
        options.Validate();
        var config = options.Configuration ?? Configuration.KubernetesConfig.LoadDefault(options.KubeConfig, time);
        var json = KubernetesJson.CreateOptions([.. options.JsonResolvers]);
        var client = KubernetesClientFactory.Create(config, options.Client!, json, time, options.Handler);
        var (events, runEvents) = EventRecorder.Create(EventsClient(), options.Events, time, loggers.CreateLogger("Kubernetes.Events"));
        var informers = options.Informers with { OnUndecodable = options.Informers.OnUndecodable ?? (bad => RecordUndecodable(events, bad)) };
        var cache = InformerCache.Create(client, json, time, informers, loggers.CreateLogger("Kubernetes.Cache"), options.FieldSelectors.AsReadOnly());
        var elector = options.LeaderElection is { } election
            ? LeaderElector.Create(client, election, time, loggers.CreateLogger("Kubernetes.LeaderElection"))
            : null;
        return new ManagerParts(new ControllerManager(client, json, cache, runEvents, elector, options.CacheSyncTimeout, time), events);

        // Events get a client of their own, with its own rate limit, as controller-runtime's recorder
        // has: the Events of a burst of runs must not hold up the status writes and triggers behind
        // them. A test's handler replaces the network, and then one client is enough.
        IKubernetesClient EventsClient() => options.Handler is null ? KubernetesClientFactory.Create(config, options.Client!, json, time) : client;
    }

    /// <summary>A Warning Event on an object the cache skips, so <c>kubectl describe</c> says why nothing happens.</summary>
    private static void RecordUndecodable(IEventRecorder events, UndecodableObject bad) =>
        events.Record(bad, EventTypes.Warning, "Undecodable", $"{bad.Problem}; the operator ignores this object until it is changed");

    public void Add(IController controller) => _controllers.Add(controller);

    public async Task<bool> RunAsync(CancellationToken ct)
    {
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var background = new[] { _runEvents(stopping.Token), Cache.RunAsync(stopping.Token) };
        try
        {
            await WaitForSyncAsync(ct);
            _ready = true;
            if (_elector is null) await RunControllersAsync(ct);
            else await _elector.RunAsync(RunControllersAsync, () => { }, ct);
            return ct.IsCancellationRequested;
        }
        finally
        {
            _ready = false;
            await stopping.CancelAsync();
            await Task.WhenAll(background);
        }
    }

    private async Task WaitForSyncAsync(CancellationToken ct)
    {
        using var timeout = new CancellationTokenSource(_syncTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        if (!await Cache.WaitForSyncAsync(linked.Token) && !ct.IsCancellationRequested)
        {
            throw new TimeoutException($"the informer caches did not sync within {_syncTimeout}");
        }
    }

    private Task RunControllersAsync(CancellationToken ct) => Task.WhenAll(_controllers.Select(c => c.RunAsync(ct)));
}
