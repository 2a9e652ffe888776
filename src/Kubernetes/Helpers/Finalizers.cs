using System.Text.Json.Nodes;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Models;

namespace CiBridge.Kubernetes.Helpers;

/// <summary>Adds and removes finalizers, reporting whether anything changed (controller-runtime's <c>controllerutil</c>).</summary>
public static class Finalizers
{
    public static bool Has(IKubernetesObject obj, string finalizer) => obj.Metadata.Finalizers?.Contains(finalizer) == true;

    /// <summary>Adds the finalizer in memory; true when it was missing.</summary>
    public static bool Add(IKubernetesObject obj, string finalizer)
    {
        if (Has(obj, finalizer)) return false;
        (obj.Metadata.Finalizers ??= []).Add(finalizer);
        return true;
    }

    /// <summary>Removes the finalizer in memory; true when it was there.</summary>
    public static bool Remove(IKubernetesObject obj, string finalizer) => obj.Metadata.Finalizers?.RemoveAll(f => f == finalizer) > 0;

    /// <summary>
    /// Adds the finalizer and writes it, guarded by the object's resourceVersion (a stale object
    /// fails with 409). True when a write was made; the caller usually returns and waits for the
    /// event that write causes.
    /// </summary>
    public static async Task<bool> EnsureFinalizerAsync<T>(this IKubernetesWriter writer, T obj, string finalizer, CancellationToken ct)
        where T : class, IKubernetesObject
    {
        if (!Add(obj, finalizer)) return false;
        await WriteAsync(writer, obj, ct);
        return true;
    }

    /// <summary>Removes the finalizer and writes that; true when a write was made.</summary>
    public static async Task<bool> RemoveFinalizerAsync<T>(this IKubernetesWriter writer, T obj, string finalizer, CancellationToken ct)
        where T : class, IKubernetesObject
    {
        if (!Remove(obj, finalizer)) return false;
        try
        {
            await WriteAsync(writer, obj, ct);
        }
        catch (ApiException e) when (e.IsNotFound)
        {
            // Already gone: nothing is left to hold up.
        }
        return true;
    }

    private static async Task WriteAsync<T>(IKubernetesWriter writer, T obj, CancellationToken ct) where T : class, IKubernetesObject
    {
        var finalizers = new JsonArray([.. (obj.Metadata.Finalizers ?? []).Select(f => (JsonNode)JsonValue.Create(f))]);
        var patch = new JsonObject
        {
            ["metadata"] = new JsonObject { ["finalizers"] = finalizers, ["resourceVersion"] = obj.Metadata.ResourceVersion },
        };
        var written = await writer.PatchAsync<T>(ObjectKey.Of(obj), Patch.Merge(patch), ct);
        obj.Metadata.ResourceVersion = written.Metadata.ResourceVersion;
    }
}
