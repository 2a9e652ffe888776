using System.Text.Json;
using CiBridge.Entities;
using CiBridge.Entities.JenkinsEndpoints;
using CiBridge.Kubernetes.Cache;
using CiBridge.Operator.Controllers.Tasks;

namespace CiBridge.Operator.Webhooks;

/// <summary>
/// A JenkinsEndpoint marked as its namespace's default while another one already is: allowed (as
/// Kubernetes allows a second default StorageClass), but the answer carries a warning that
/// kubectl prints, since CiTasks without <c>spec.endpointRef</c> stop with
/// <c>AmbiguousDefaultEndpoint</c> until one annotation goes.
/// </summary>
/// <param name="endpointsIn">The JenkinsEndpoints of a namespace as the operator's cache holds them; null while it has not synced (then no warning).</param>
internal sealed class DefaultEndpointWarning(Func<string?, IReadOnlyList<JenkinsEndpoint>?> endpointsIn)
{
    /// <summary>A cache-backed check: never waits for the API server inside an admission request.</summary>
    public static DefaultEndpointWarning From(IInformerCache cache) =>
        new(ns => cache.GetInformer<JenkinsEndpoint>() is { HasSynced: true } informer ? informer.List(ns) : null);

    public string? Check(AdmissionRequest request)
    {
        if (request is not { Operation: "CREATE" or "UPDATE", Object: { } obj, Kind: { Group: CiBridgeApi.Group, Kind: JenkinsEndpoint.KindName } }) return null;
        var endpoint = obj.Deserialize(EntitiesJsonContext.Default.JenkinsEndpoint);
        if (endpoint?.Metadata is null || !DefaultEndpoint.IsDefault(endpoint)) return null;
        var ns = endpoint.Metadata.Namespace ?? request.Namespace;
        if (endpointsIn(ns) is not { } list) return null;
        var others = list.Where(e => e.Metadata.Name != endpoint.Metadata.Name && DefaultEndpoint.IsDefault(e))
            .Select(e => $"\"{e.Metadata.Name}\"").Order(StringComparer.Ordinal).ToList();
        if (others.Count == 0) return null;
        return $"JenkinsEndpoint {string.Join(", ", others)} is already the default of namespace \"{ns}\" ({CiBridgeApi.IsDefaultEndpointAnnotation}: \"true\"); "
            + "CiTasks without spec.endpointRef report AmbiguousDefaultEndpoint until only one endpoint carries the annotation";
    }
}
