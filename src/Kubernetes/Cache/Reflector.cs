using System.Security.Cryptography;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Models;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace CiBridge.Kubernetes.Cache;

/// <summary>
/// client-go's <c>Reflector</c>, written as numbered steps:
/// 1. list, and replace the store with the result;
/// 2. watch from the list's resourceVersion, applying events in the order they arrive;
/// 3. when a watch ends or breaks after making progress, watch again from the last resourceVersion
///    seen (events and bookmarks both move it); when it fails without progress, back off (Polly,
///    exponential with jitter) and try again;
/// 4. on 410 Gone the resourceVersion is too old: go back to step 1.
/// Events are applied by one loop, so changes to an object are never reordered.
/// </summary>
internal sealed partial class Reflector<T> where T : class, IKubernetesObject
{
    private readonly IKubernetesClient _client;
    private readonly InformerOptions _options;
    private readonly string? _namespace;
    private readonly ILogger _logger;
    private readonly Informer<T> _informer;
    private readonly ResiliencePipeline _retry;

    // ns: the namespace to list and watch; null for all.
    public Reflector(IKubernetesClient client, InformerOptions options, string? ns, TimeProvider time, ILogger logger, Informer<T> informer)
    {
        _client = client;
        _options = options;
        _namespace = ns;
        _logger = logger;
        _informer = informer;
        _retry = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.ReconnectDelay,
                MaxDelay = options.MaxReconnectDelay,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e
                    && !args.Context.CancellationToken.IsCancellationRequested && e is not ApiException { IsGone: true }),
                OnRetry = args =>
                {
                    LogFailure(args.RetryDelay, args.Outcome.Exception);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    /// <summary>Objects per list request.</summary>
    public const int PageSize = 500;

    public string? LastResourceVersion { get; private set; }

    private bool _reportedNotServed;

    public async Task RunAsync(CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await _retry.ExecuteAsync(ListAsync, ct);
                await WatchUntilGoneAsync(ct);
                LogRelisting(_logger, typeof(T).Name, LastResourceVersion);
            }
        }
        catch (Exception) when (ct.IsCancellationRequested)
        {
            // Polly may report the last failed attempt rather than the cancellation itself.
        }
    }

    /// <summary>Step 1, in pages of <see cref="PageSize"/> (client-go's pager); an expired continue token falls back to one full list.</summary>
    private async ValueTask ListAsync(CancellationToken ct)
    {
        ObjectList<T> list;
        try
        {
            list = await ListPagesAsync(PageSize, ct);
        }
        catch (ApiException e) when (e.IsGone)
        {
            list = await ListPagesAsync(null, ct);
        }
        _informer.OnReplaced(_informer.Replace(list.Items));
        _informer.OnUndecodableListed(list.Undecodable);
        LastResourceVersion = list.ResourceVersion;
    }

    private async Task<ObjectList<T>> ListPagesAsync(int? limit, CancellationToken ct)
    {
        var options = new ListOptions { Namespace = _namespace, LabelSelector = _options.LabelSelector, FieldSelector = _options.FieldSelector, Limit = limit };
        var page = await _client.ListAsync<T>(options, ct);
        if (page.Continue is null) return page;
        var items = new List<T>(page.Items);
        var undecodable = new List<UndecodableObject>(page.Undecodable);
        while (page.Continue is { } next)
        {
            page = await _client.ListAsync<T>(options with { Continue = next }, ct);
            items.AddRange(page.Items);
            undecodable.AddRange(page.Undecodable);
        }
        return new ObjectList<T>(items, page.ResourceVersion) { Undecodable = undecodable };
    }

    /// <summary>Steps 2 to 4: returns when the watch says the resourceVersion is gone.</summary>
    private async Task WatchUntilGoneAsync(CancellationToken ct)
    {
        try
        {
            while (true) await _retry.ExecuteAsync(WatchOnceAsync, ct);
        }
        catch (ApiException e) when (e.IsGone)
        {
        }
    }

    private async ValueTask WatchOnceAsync(CancellationToken ct)
    {
        var options = new WatchOptions
        {
            Namespace = _namespace,
            LabelSelector = _options.LabelSelector,
            FieldSelector = _options.FieldSelector,
            ResourceVersion = LastResourceVersion,
            // Between one and two times the configured timeout, as client-go spreads reconnects.
            Timeout = _options.WatchTimeout * (1 + (RandomNumberGenerator.GetInt32(1000) / 1000.0)),
        };
        var progressed = false;
        try
        {
            await foreach (var change in _client.WatchAsync<T>(options, ct))
            {
                progressed = true;
                if (change.Type != WatchEventType.Bookmark) _informer.OnEvent(change);
                var metadata = change.Undecodable?.Metadata ?? change.Resource.Metadata;
                LastResourceVersion = metadata.ResourceVersion ?? LastResourceVersion;
            }
        }
        catch (Exception e) when (progressed && !ct.IsCancellationRequested && e is not ApiException { IsGone: true })
        {
            LogWatchBroken(_logger, typeof(T).Name, LastResourceVersion, e);
            return;
        }
        // A watch that ends without a single event is retried with back-off, so a server that
        // closes streams at once is not hammered.
        if (!progressed) throw new WatchEndedException();
    }

    /// <summary>
    /// A kind the API server does not serve (404: its CRD is not installed) is said once at
    /// Information and then only at Debug while the back-off keeps checking for it; anything else
    /// is a Warning every time.
    /// </summary>
    private void LogFailure(TimeSpan delay, Exception? error)
    {
        if (error is not ApiException { IsNotFound: true })
        {
            _reportedNotServed = false;
            LogRetrying(_logger, typeof(T).Name, delay, error);
        }
        else if (!_reportedNotServed)
        {
            _reportedNotServed = true;
            LogNotServed(_logger, typeof(T).Name, delay);
        }
        else
        {
            LogStillNotServed(_logger, typeof(T).Name, delay);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind} is not served by the API server (404: is its CRD installed?); checking again in {Delay}, then with back-off")]
    private static partial void LogNotServed(ILogger logger, string kind, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Kind} is still not served; checking again in {Delay}")]
    private static partial void LogStillNotServed(ILogger logger, string kind, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Information, Message = "Watch of {Kind} expired at resourceVersion {ResourceVersion}; relisting")]
    private static partial void LogRelisting(ILogger logger, string kind, string? resourceVersion);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Watch of {Kind} broke at resourceVersion {ResourceVersion}; resuming")]
    private static partial void LogWatchBroken(ILogger logger, string kind, string? resourceVersion, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "List/watch of {Kind} failed; retrying in {Delay}")]
    private static partial void LogRetrying(ILogger logger, string kind, TimeSpan delay, Exception? error);
}

/// <summary>A watch closed without delivering anything.</summary>
internal sealed class WatchEndedException() : Exception("the watch ended without events");
