using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Models;
using CiBridge.Kubernetes.Queue;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CiBridge.Kubernetes.Events;

/// <summary>Creates event recorders.</summary>
public static class EventRecorder
{
    /// <summary>A recorder and the loop that writes its events (run it for the life of the process).</summary>
    public static (IEventRecorder Recorder, Func<CancellationToken, Task> RunAsync) Create(
        IKubernetesClient client, EventRecorderOptions options, TimeProvider time, ILogger? logger = null)
    {
        var recorder = new AggregatingEventRecorder(client, options, time, logger ?? NullLogger.Instance);
        return (recorder, recorder.RunAsync);
    }
}

/// <summary>
/// Like kube's recorder: the same (object, type, reason, message) within the cache updates one
/// Event's <c>count</c> and <c>lastTimestamp</c> instead of creating another; each object has a
/// token bucket (burst 25, one more per 5 minutes) beyond which its events are dropped.
/// </summary>
internal sealed partial class AggregatingEventRecorder : IEventRecorder
{
    private const int MaxMessage = 1024;
    private const int MaxCached = 4096;
    private readonly IKubernetesClient _client;
    private readonly EventRecorderOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<Event> _pending;
    private readonly Dictionary<string, Event> _written = [];
    private readonly Dictionary<string, TokenBucket> _buckets = [];
    private long _sequence;

    public AggregatingEventRecorder(IKubernetesClient client, EventRecorderOptions options, TimeProvider time, ILogger logger)
    {
        _client = client;
        _options = options;
        _time = time;
        _logger = logger;
        _pending = Channel.CreateBounded<Event>(new BoundedChannelOptions(options.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.DropWrite,
            SingleReader = true,
        });
    }

    public void Record(IKubernetesObject regarding, string type, string reason, string message)
    {
        var now = _time.GetUtcNow();
        var ns = string.IsNullOrEmpty(regarding.Metadata.Namespace) ? "default" : regarding.Metadata.Namespace;
        _pending.Writer.TryWrite(new Event
        {
            Metadata = new ObjectMeta
            {
                Namespace = ns,
                Name = EventName.For(regarding.Metadata.Name, $"{((now.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100) + (Interlocked.Increment(ref _sequence) % 100):x}"),
            },
            InvolvedObject = new ObjectReference
            {
                ApiVersion = regarding.ApiVersion,
                Kind = regarding.Kind,
                Name = regarding.Metadata.Name,
                Namespace = regarding.Metadata.Namespace,
                Uid = regarding.Metadata.Uid,
                ResourceVersion = regarding.Metadata.ResourceVersion,
            },
            Type = type,
            Reason = reason,
            Message = message.Length > MaxMessage ? message[..(MaxMessage - 3)] + "..." : message,
            Count = 1,
            FirstTimestamp = now,
            LastTimestamp = now,
            Source = new EventSource { Component = _options.Component, Host = _options.Instance },
            ReportingComponent = _options.Component,
            ReportingInstance = _options.Instance,
        });
    }

    public async Task RunAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var pending in _pending.Reader.ReadAllAsync(ct))
            {
                if (!Allowed(pending)) continue;
                try
                {
                    await WriteAsync(pending, ct);
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    LogWriteFailed(_logger, pending.Reason ?? "", e);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private bool Allowed(Event pending)
    {
        var owner = ObjectKeyOf(pending.InvolvedObject);
        if (!_buckets.TryGetValue(owner, out var bucket))
        {
            if (_buckets.Count >= MaxCached) _buckets.Clear();
            _buckets[owner] = bucket = new TokenBucket(1 / _options.RefillInterval.TotalSeconds, _options.BurstPerObject, _time);
        }
        return bucket.TryTake();
    }

    private async Task WriteAsync(Event pending, CancellationToken ct)
    {
        var key = string.Join('\u0000', ObjectKeyOf(pending.InvolvedObject), pending.Type, pending.Reason, pending.Message);
        if (_written.TryGetValue(key, out var previous))
        {
            var count = (previous.Count ?? 1) + 1;
            var patch = new JsonObject
            {
                ["count"] = count,
                ["lastTimestamp"] = KubernetesTimeConverter.Format(pending.LastTimestamp!.Value),
            };
            try
            {
                _written[key] = await _client.PatchAsync<Event>(ObjectKey.Of(previous), Patch.Merge(patch), ct);
                return;
            }
            catch (ApiException e) when (e.IsNotFound)
            {
                _written.Remove(key);
            }
        }
        if (_written.Count >= MaxCached) _written.Clear();
        _written[key] = await _client.CreateAsync(pending, ct);
    }

    private static string ObjectKeyOf(ObjectReference o) =>
        string.Create(CultureInfo.InvariantCulture, $"{o.Kind}/{o.Namespace}/{o.Name}/{o.Uid}");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing event {Reason} failed; it is dropped")]
    private static partial void LogWriteFailed(ILogger logger, string reason, Exception error);
}
