using System.Text.Json;
using System.Text.Json.Nodes;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Models;

namespace CiBridge.Operator.Controllers.Shared;

/// <summary>
/// Writes the status subresource only when the status really changed, so an idle object costs no
/// API writes. The write carries the resourceVersion read, so a concurrent change fails with 409
/// and the reconcile runs again on fresh data.
/// </summary>
internal sealed class StatusWriter(IKubernetesClient client, JsonSerializerOptions json)
{
    public async Task<T> WriteIfChangedAsync<T>(T original, T updated, CancellationToken ct) where T : class, IKubernetesObject
    {
        if (JsonNode.DeepEquals(StatusOf(original), StatusOf(updated))) return original;
        return await client.Status.ReplaceStatusAsync(updated, ct);
    }

    /// <summary>A copy the reconcile may change (objects from the cache are shared).</summary>
    public T Copy<T>(T obj) => json.DeepCopy(obj);

    private JsonNode? StatusOf<T>(T obj) => JsonSerializer.SerializeToNode(obj, json.TypeInfo<T>())?["status"];
}
