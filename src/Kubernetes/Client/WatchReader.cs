using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CiBridge.Kubernetes.Models;

namespace CiBridge.Kubernetes.Client;

/// <summary>
/// Reads a watch response: one JSON object per line, <c>{"type": ..., "object": ...}</c>, in server
/// order. ERROR events become <see cref="ApiException"/>; unknown types are skipped. When the
/// client's own deadline ends the stream it simply ends (the caller resumes). An object that does not
/// fit the type comes as <see cref="WatchEvent{T}.Undecodable"/> instead of ending the watch.
/// </summary>
internal sealed class WatchReader<T>(JsonTypeInfo<T> typeInfo, ResourceInfo info) where T : class, IKubernetesObject
{
    public async IAsyncEnumerable<WatchEvent<T>> ReadAsync(
        HttpResponseMessage response, [EnumeratorCancellation] CancellationToken ct, CancellationToken deadline)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        using var reader = new StreamReader(stream);
        while (true)
        {
            string? line;
            try
            {
                line = await reader.ReadLineAsync(ct);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                yield break;
            }
            if (line is null) yield break;
            if (line.Length == 0) continue;
            if (Parse(line) is { } change) yield return change;
        }
    }

    internal WatchEvent<T>? Parse(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        var type = root.GetProperty("type").GetString();
        var obj = root.GetProperty("object");
        WatchEventType kind;
        switch (type)
        {
            case "ADDED": kind = WatchEventType.Added; break;
            case "MODIFIED": kind = WatchEventType.Modified; break;
            case "DELETED": kind = WatchEventType.Deleted; break;
            case "BOOKMARK": kind = WatchEventType.Bookmark; break;
            case "ERROR":
                var status = obj.Deserialize(KubernetesJsonContext.Default.Status);
                throw new ApiException(status?.Code ?? 500, status, "watch error");
            default: return null;
        }
        if (kind == WatchEventType.Bookmark) return BookmarkOf(obj, typeInfo, info, kind);
        return ItemDecoder.Decode(obj, typeInfo, info, out var bad) is { } item
            ? new WatchEvent<T>(kind, item)
            : new WatchEvent<T>(kind, null!) { Undecodable = bad };
    }

    private static WatchEvent<T> BookmarkOf(JsonElement obj, JsonTypeInfo<T> typeInfo, ResourceInfo info, WatchEventType kind)
    {
        var item = obj.Deserialize(typeInfo) ?? throw new JsonException("a watch event has no object");
        info.Stamp(item);
        return new WatchEvent<T>(kind, item);
    }
}
