using System.Text.Json;
using System.Text.Json.Nodes;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Models;
using Microsoft.Extensions.Logging;

namespace CiBridge.Kubernetes.Cache;

/// <summary>
/// Removes our finalizers from an object that cannot be read and is being deleted: no controller
/// will ever handle it, so without this its deletion would hang until someone edits it by hand.
/// The write is guarded by the resourceVersion seen; if the object changed meanwhile, the watch
/// reports the newer version and it is considered again.
/// </summary>
internal sealed partial class UndecodableFinalizerRelease<T>(IKubernetesClient client, IReadOnlySet<string> owned, ILogger logger)
    where T : class, IKubernetesObject
{
    public CancellationToken Stopping { get; set; }

    public void Consider(UndecodableObject bad)
    {
        var finalizers = bad.Metadata.Finalizers ?? [];
        if (bad.Metadata.DeletionTimestamp is null || !finalizers.Any(owned.Contains)) return;
        _ = ReleaseAsync(bad, [.. finalizers.Where(f => !owned.Contains(f))]);
    }

    private async Task ReleaseAsync(UndecodableObject bad, List<string> keep)
    {
        var key = ObjectKey.Of(bad);
        var patch = new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["finalizers"] = new JsonArray([.. keep.Select(f => (JsonNode)JsonValue.Create(f))]),
                ["resourceVersion"] = bad.Metadata.ResourceVersion,
            },
        };
        try
        {
            await client.PatchAsync<T>(key, Patch.Merge(patch), Stopping);
        }
        catch (JsonException)
        {
            // The server applied the patch and answered with the object, which still cannot be read.
        }
        catch (ApiException e) when (e.IsNotFound || e.IsConflict)
        {
            // Gone already, or changed: a newer version comes through the watch.
            return;
        }
        catch (Exception e) when (e is ApiException or HttpRequestException or OperationCanceledException)
        {
            LogReleaseFailed(logger, bad.Kind, key.ToString(), e.Message);
            return;
        }
        LogReleased(logger, bad.Kind, key.ToString(), string.Join(", ", owned));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Kind} {Key} cannot be read and is being deleted: removed finalizer {Finalizers} without its cleanup")]
    private static partial void LogReleased(ILogger logger, string kind, string key, string finalizers);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Kind} {Key} cannot be read and is being deleted, but removing its finalizer failed: {Error}; trying again when it changes")]
    private static partial void LogReleaseFailed(ILogger logger, string kind, string key, string error);
}
