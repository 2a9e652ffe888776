using System.Text.Json;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Helpers;
using CiBridge.Kubernetes.Models;

namespace CiBridge.Operator.Controllers.Shared;

/// <summary>
/// How the controllers write status: a merge patch of what changed, and nothing when nothing
/// changed (an idle object costs no API writes); copies before any change, since objects read
/// from the cache are shared. <see cref="Begin"/> opens the scope a reconcile works in.
/// </summary>
internal sealed class StatusWriter(IKubernetesClient client, JsonSerializerOptions json, TimeProvider time)
{
    public T Copy<T>(T obj) => json.DeepCopy(obj);

    /// <summary>Opens a status scope on <paramref name="obj"/> (see <see cref="StatusScope{T}"/>).</summary>
    public StatusScope<T> Begin<T>(T obj, StatusRules<T> rules) where T : class, IKubernetesObject => new(obj, this, rules, time);

    /// <summary>Patches the difference between the two statuses, if any; true when it wrote.</summary>
    public Task<bool> WriteIfChangedAsync<T>(T before, T after, CancellationToken ct) where T : class, IKubernetesObject =>
        client.Status.PatchStatusIfChangedAsync(before, after, json, ct);

    /// <summary>
    /// Replaces the status guarded by the resourceVersion read: used to record a run before it is
    /// triggered, where a concurrent change must fail (409) rather than be overwritten.
    /// </summary>
    public Task<T> ReplaceGuardedAsync<T>(T obj, CancellationToken ct) where T : class, IKubernetesObject =>
        client.Status.ReplaceStatusAsync(obj, ct);
}
