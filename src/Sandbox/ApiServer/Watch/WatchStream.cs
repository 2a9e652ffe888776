using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CiBridge.Sandbox.ApiServer.Resources;
using CiBridge.Sandbox.ApiServer.Storage;
using CiBridge.Sandbox.ApiServer.Tables;
using Microsoft.AspNetCore.Http;

namespace CiBridge.Sandbox.ApiServer.Watch;

/// <summary>Serialises events; Table watchers get each object as a one-row Table.</summary>
internal sealed class WatchStream(HttpContext context, ResourceType type, TableConverter tables, string? tableInclude)
{
    private readonly StringBuilder _pending = new();

    public async Task StartAsync()
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        await context.Response.StartAsync(context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }

    public Task WriteEventAsync(WatchEvent change) =>
        tableInclude is null && type.Converter is null ? WriteLineAsync($"{{\"type\":\"{change.Type}\",\"object\":{change.Json}}}")
            : WriteObjectAsync(change.Type, JsonNode.Parse(change.Json)!.AsObject());

    public Task WriteObjectAsync(string eventType, JsonObject obj)
    {
        obj = type.FromStorage(obj);
        obj["apiVersion"] = type.ApiVersion;
        JsonNode body = tableInclude is null ? obj : tables.Convert(type, [obj], new JsonObject { ["resourceVersion"] = ObjectMeta.String(obj, "resourceVersion") }, tableInclude);
        return WriteRawAsync(eventType, body);
    }

    public Task WriteBookmarkAsync(long rv, bool initialEventsEnd)
    {
        var metadata = new JsonObject { ["resourceVersion"] = rv.ToString(CultureInfo.InvariantCulture) };
        if (initialEventsEnd) metadata["annotations"] = new JsonObject { ["k8s.io/initial-events-end"] = "true" };
        return WriteRawAsync(WatchEvent.Bookmark, new JsonObject { ["kind"] = type.Kind, ["apiVersion"] = type.ApiVersion, ["metadata"] = metadata });
    }

    public Task WriteRawAsync(string eventType, JsonNode obj) =>
        WriteLineAsync(new JsonObject { ["type"] = eventType, ["object"] = obj }.ToJsonString());

    /// <summary>Sends what was written since the last flush in one write (events are batched per wake-up).</summary>
    public async Task FlushAsync()
    {
        if (_pending.Length == 0) return;
        var bytes = Encoding.UTF8.GetBytes(_pending.ToString());
        _pending.Clear();
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }

    private Task WriteLineAsync(string line)
    {
        _pending.Append(line).Append('\n');
        return _pending.Length > 64 * 1024 ? FlushAsync() : Task.CompletedTask;
    }
}
