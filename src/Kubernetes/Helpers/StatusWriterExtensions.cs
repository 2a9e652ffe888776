using System.Text.Json;
using System.Text.Json.Nodes;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Models;

namespace CiBridge.Kubernetes.Helpers;

/// <summary>Writes status only when it changed, so an idle object costs no API writes.</summary>
public static class StatusWriterExtensions
{
    /// <summary>
    /// Compares the <c>status</c> of <paramref name="before"/> (a snapshot taken before the
    /// reconcile changed anything) with <paramref name="after"/>; when they differ, sends a merge
    /// patch of just the difference to the status subresource. True when it wrote.
    /// </summary>
    public static async Task<bool> PatchStatusIfChangedAsync<T>(
        this IStatusWriter writer, T before, T after, JsonSerializerOptions json, CancellationToken ct)
        where T : class, IKubernetesObject
    {
        var info = json.TypeInfo<T>();
        var old = JsonSerializer.SerializeToNode(before, info)?["status"];
        var now = JsonSerializer.SerializeToNode(after, info)?["status"];
        if (JsonNode.DeepEquals(old, now)) return false;
        var patch = new JsonObject { ["status"] = JsonMergePatch.Create(old, now) };
        var written = await writer.PatchStatusAsync<T>(ObjectKey.Of(after), Patch.Merge(patch), ct);
        after.Metadata.ResourceVersion = written.Metadata.ResourceVersion;
        return true;
    }
}
