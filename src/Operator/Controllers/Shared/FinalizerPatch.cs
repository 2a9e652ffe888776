using System.Text.Json.Nodes;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Models;

namespace CiBridge.Operator.Controllers.Shared;

/// <summary>
/// Adds and removes one finalizer with a merge patch that carries the resourceVersion read, so a
/// concurrent change fails with 409 instead of being overwritten. Both report whether they wrote.
/// </summary>
internal sealed class FinalizerPatch(IKubernetesWriter writer, string finalizer)
{
    public bool Has(IKubernetesObject obj) => obj.Metadata.Finalizers?.Contains(finalizer) == true;

    /// <summary>Adds the finalizer unless present; true when it wrote (the write brings the object back).</summary>
    public async Task<bool> EnsureAsync<T>(T obj, CancellationToken ct) where T : class, IKubernetesObject
    {
        if (Has(obj)) return false;
        await WriteAsync(obj, [.. obj.Metadata.Finalizers ?? [], finalizer], ct);
        return true;
    }

    /// <summary>Removes the finalizer if present; true when it wrote.</summary>
    public async Task<bool> RemoveAsync<T>(T obj, CancellationToken ct) where T : class, IKubernetesObject
    {
        if (!Has(obj)) return false;
        await WriteAsync(obj, [.. obj.Metadata.Finalizers!.Where(f => f != finalizer)], ct);
        return true;
    }

    private Task<T> WriteAsync<T>(T obj, List<string> finalizers, CancellationToken ct) where T : class, IKubernetesObject
    {
        var patch = new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["resourceVersion"] = obj.Metadata.ResourceVersion,
                ["finalizers"] = new JsonArray([.. finalizers.Select(f => (JsonNode)f)]),
            },
        };
        return writer.PatchAsync<T>(ObjectKey.Of(obj), Patch.Merge(patch), ct);
    }
}
