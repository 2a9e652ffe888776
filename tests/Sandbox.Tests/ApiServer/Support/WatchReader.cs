using System.Text.Json.Nodes;

namespace CiBridge.Sandbox.Tests.ApiServer.Support;

/// <summary>Reads a watch stream event by event, each with a deadline (no sleeping).</summary>
internal sealed class WatchReader(HttpResponseMessage response, StreamReader reader) : IDisposable
{
    public int Code => (int)response.StatusCode;

    /// <summary>The next event, or null when the stream ended.</summary>
    public async Task<JsonObject?> NextAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        var line = await reader.ReadLineAsync(cts.Token);
        return line is null ? null : JsonNode.Parse(line)!.AsObject();
    }

    /// <summary>Next event that is not a BOOKMARK.</summary>
    public async Task<JsonObject> NextChangeAsync(TimeSpan? timeout = null)
    {
        while (true)
        {
            var next = await NextAsync(timeout) ?? throw new InvalidOperationException("watch ended");
            if (next["type"]?.ToString() != "BOOKMARK") return next;
        }
    }

    public void Dispose()
    {
        reader.Dispose();
        response.Dispose();
    }
}
