using System.Globalization;
using System.Text.Json.Nodes;
using CiBridge.Sandbox.ApiServer.Http;
using CiBridge.Sandbox.ApiServer.Resources;
using CiBridge.Sandbox.ApiServer.Watch;
using Microsoft.AspNetCore.Http;

namespace CiBridge.Sandbox.ApiServer.Handlers;

/// <summary>
/// <c>?watch=1</c>: a stream of newline-delimited watch events. Without a resourceVersion (or
/// "0") the current objects come first as ADDED; from a given resourceVersion the events after
/// it, in order; a version older than the history gives one ERROR event with 410 Expired.
/// </summary>
internal sealed class WatchHandler(ApiContext api)
{
    public async Task WatchAsync(HttpContext context, ResourceType type, string? ns)
    {
        var filter = ListHandler.Filter(context, type);
        var rvText = Negotiation.Query(context, "resourceVersion");
        var initial = Negotiation.Flag(context, "sendInitialEvents");
        var fromList = string.IsNullOrEmpty(rvText) || rvText == "0" || initial;
        long? from = fromList ? null : long.TryParse(rvText, NumberStyles.None, CultureInfo.InvariantCulture, out var rv) ? rv
            : throw StatusObjects.BadRequest($"invalid resource version: {rvText}");
        List<JsonObject> snapshot = [];
        if (fromList) (snapshot, from) = api.Store.List(type.StorageKey, ns, o => filter(ObjectSummary.Of(o)));
        var subscribed = api.Store.Watch(type.StorageKey, from);
        var stream = new WatchStream(context, type, api.Tables, Negotiation.WantsTable(context) ? Negotiation.IncludeObject(context) : null);
        if (subscribed is null)
        {
            var expired = StatusObjects.Expired($"too old resource version: {from} ({api.Store.OldestWatchable + 1})").ToStatus();
            await stream.StartAsync();
            await stream.WriteRawAsync(WatchEvent.Error, expired);
            await stream.FlushAsync();
            return;
        }
        using var subscription = subscribed.Value.Subscription;
        await stream.StartAsync();
        foreach (var obj in snapshot) await stream.WriteObjectAsync(WatchEvent.Added, obj);
        var bookmarks = Negotiation.Flag(context, "allowWatchBookmarks");
        if (initial && bookmarks) await stream.WriteBookmarkAsync(from!.Value, initialEventsEnd: true);
        foreach (var change in subscribed.Value.Replay)
        {
            if (Selected(change, ns, filter) is { } selected) await stream.WriteEventAsync(selected);
        }
        await stream.FlushAsync();
        await PumpAsync(context, subscription, stream, ns, filter, bookmarks);
    }

    private async Task PumpAsync(HttpContext context, WatchSubscription subscription, WatchStream stream, string? ns, Func<ObjectSummary, bool> filter, bool bookmarks)
    {
        using var timeout = Timeout(context);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, timeout.Token, api.Stopping);
        var ct = linked.Token;
        using var ticker = new PeriodicTimer(api.BookmarkInterval, api.Time);
        Task<bool>? tick = null;
        Task<bool>? ready = null;
        long seen = 0;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                tick ??= ticker.WaitForNextTickAsync(ct).AsTask();
                ready ??= subscription.Events.WaitToReadAsync(ct).AsTask();
                var ticked = await Task.WhenAny(ready, tick) == tick;
                // Every event up to this version is already queued (the store appends under its lock),
                // so after draining the queue a bookmark at this version promises nothing missing.
                var current = api.Store.ResourceVersion;
                if (!ticked && !await ready) return;
                if (!ticked) ready = null;
                seen = Math.Max(seen, await DrainAsync(subscription, stream, ns, filter));
                if (ticked)
                {
                    tick = null;
                    if (bookmarks) await stream.WriteBookmarkAsync(Math.Max(current, seen), initialEventsEnd: false);
                }
                await stream.FlushAsync();
            }
        }
        catch (OperationCanceledException)
        {
            // timeoutSeconds elapsed or the client went away: the stream simply ends.
        }
    }

    /// <summary>Writes every queued event this watcher selects; returns the last resourceVersion seen.</summary>
    private static async Task<long> DrainAsync(WatchSubscription subscription, WatchStream stream, string? ns, Func<ObjectSummary, bool> filter)
    {
        long seen = 0;
        while (subscription.Events.TryRead(out var change))
        {
            seen = change.ResourceVersion;
            if (Selected(change, ns, filter) is { } selected) await stream.WriteEventAsync(selected);
        }
        return seen;
    }

    private CancellationTokenSource Timeout(HttpContext context)
    {
        var seconds = long.TryParse(Negotiation.Query(context, "timeoutSeconds"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s > 0 ? s : 1800;
        return new CancellationTokenSource(TimeSpan.FromSeconds(seconds), api.Time);
    }

    /// <summary>The event as this watcher sees it: objects entering the selection are ADDED, leaving it DELETED.</summary>
    private static WatchEvent? Selected(WatchEvent change, string? ns, Func<ObjectSummary, bool> filter)
    {
        if (ns is not null && change.Summary.Namespace != ns) return null;
        var now = filter(change.Summary);
        var before = change.Previous is { } previous && filter(previous);
        return (change.Previous, now, before) switch
        {
            (null, true, _) => change,
            (null, false, _) => null,
            (_, true, true) => change,
            (_, true, false) => change with { Type = WatchEvent.Added },
            (_, false, true) => change with { Type = WatchEvent.Deleted },
            _ => null,
        };
    }
}
