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
    public async Task StartAsync()
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        await context.Response.StartAsync(context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }

    public Task WriteEventAsync(WatchEvent change) =>
        tableInclude is null ? WriteLineAsync($"{{\"type\":\"{change.Type}\",\"object\":{change.Json}}}")
            : WriteObjectAsync(change.Type, JsonNode.Parse(change.Json)!.AsObject());

    public Task WriteObjectAsync(string eventType, JsonObject obj)
    {
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

    private async Task WriteLineAsync(string line)
    {
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(line + "\n"), context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }
}
