using System.Collections.Immutable;

namespace CiBridge.Sandbox.ApiServer.Resources;

/// <summary>
/// The set of served resources: the built-in kinds plus one entry per served version of each
/// established CustomResourceDefinition. Readers get an immutable snapshot; writers swap it.
/// </summary>
internal sealed class ResourceRegistry
{
    private readonly Lock _gate = new();
    private ImmutableDictionary<string, ImmutableArray<ResourceType>> _byCrd = ImmutableDictionary<string, ImmutableArray<ResourceType>>.Empty;
    private volatile ResourceType[] _all = [.. BuiltinResources.All];

    /// <summary>Every served resource, built-ins first, then custom resources by CRD name.</summary>
    public IReadOnlyList<ResourceType> All => _all;

    public ResourceType? Find(string group, string version, string plural) =>
        All.FirstOrDefault(r => r.Group == group && r.Version == version && r.Plural == plural);

    public ResourceType? FindKind(string apiVersion, string kind) =>
        All.FirstOrDefault(r => r.ApiVersion == apiVersion && r.Kind == kind);

    /// <summary>All versions of the group/resource that shares storage with <paramref name="type"/>.</summary>
    public IEnumerable<ResourceType> SameStorage(ResourceType type) => All.Where(r => r.StorageKey == type.StorageKey);

    public void SetCustom(string crdName, IEnumerable<ResourceType> versions)
    {
        lock (_gate)
        {
            _byCrd = _byCrd.SetItem(crdName, [.. versions]);
            Rebuild();
        }
    }

    public void RemoveCustom(string crdName)
    {
        lock (_gate)
        {
            _byCrd = _byCrd.Remove(crdName);
            Rebuild();
        }
    }

    private void Rebuild()
    {
        var custom = _byCrd.OrderBy(p => p.Key, StringComparer.Ordinal).SelectMany(p => p.Value);
        _all = [.. BuiltinResources.All, .. custom];
    }
}
