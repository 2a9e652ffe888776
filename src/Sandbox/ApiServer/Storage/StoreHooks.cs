using System.Text.Json.Nodes;
using CiBridge.Sandbox.ApiServer.Http;
using CiBridge.Sandbox.ApiServer.Resources;

namespace CiBridge.Sandbox.ApiServer.Storage;

/// <summary>
/// Kind-specific behaviour around writes: CRD status and serving, namespace lifecycle, and the
/// garbage collector's reaction to removed owners. Follow-up work runs on <see cref="BackgroundWork"/>.
/// </summary>
internal sealed class StoreHooks(ResourceRegistry registry, ObjectStore store, BackgroundWork background, ObjectRules rules)
{
    /// <summary>The finalizer that holds an owner deleted with propagationPolicy=Foreground until its dependents are gone.</summary>
    public const string ForegroundFinalizer = "foregroundDeletion";

    private ObjectService? _service;

    public void Attach(ObjectService service) => _service = service;

    public void BeforeWrite(ResourceType type, JsonObject obj)
    {
        if (type == BuiltinResources.Crds) CrdStatus.Accept(obj, rules.Now());
        if (type == BuiltinResources.Namespaces) NamespaceStatus.Prepare(obj);
        if (type.Kind == "Secret" && type.Group.Length == 0) SecretData.Normalize(obj);
        if ((type.StoredAs ?? type) == BuiltinResources.CoreEvents) EventTimes.Normalize(obj);
    }

    public static void BeforeMarkDeleting(ResourceType type, JsonObject obj)
    {
        if (type == BuiltinResources.Namespaces) obj["status"] = new JsonObject { ["phase"] = "Terminating" };
    }

    /// <summary>Namespaces hold their own finalizers in <c>spec.finalizers</c>.</summary>
    public static bool HoldsOwnFinalizers(ResourceType type, JsonObject obj) =>
        type == BuiltinResources.Namespaces && (obj["spec"]?["finalizers"] as JsonArray)?.Count > 0;

    public void CheckNamespaceAcceptsContent(RequestScope scope)
    {
        if (!scope.Type.Namespaced) return;
        var ns = store.Get(BuiltinResources.Namespaces.StorageKey, null, scope.Namespace!)
            ?? throw StatusObjects.NotFound(BuiltinResources.Namespaces, scope.Namespace!);
        if (ObjectMeta.IsDeleting(ns))
        {
            throw new ApiException(403, "Forbidden",
                $"{scope.Type.QualifiedResource} \"{scope.Name}\" is forbidden: unable to create new content in namespace {scope.Namespace} because it is being terminated",
                StatusObjects.Details(scope.Type, scope.Name ?? ""));
        }
    }

    public void AfterWrite(ResourceType type, JsonObject obj, bool removed)
    {
        if (type == BuiltinResources.Crds) AfterCrdWrite(obj, removed);
        if (type == BuiltinResources.Namespaces && !removed && ObjectMeta.IsDeleting(obj))
        {
            background.Enqueue(ct => EmptyNamespaceAsync(ObjectMeta.Name(obj), ct));
        }
        if (!removed && ObjectMeta.IsDeleting(obj) && ObjectMeta.Finalizers(obj).Contains(ForegroundFinalizer))
        {
            background.Enqueue(ct => DeleteInForegroundAsync(obj, ct));
        }
        if (!removed) return;
        if (ObjectMeta.Uid(obj) is { } uid) background.Enqueue(ct => CollectDependentsAsync(uid, ct));
        foreach (var ownerUid in ObjectMeta.OwnerUids(obj).ToList()) background.Enqueue(ct => ReleaseForegroundOwnerAsync(ownerUid, ct));
        if (type.Namespaced && ObjectMeta.String(obj, "namespace") is { } ns
            && store.Get(BuiltinResources.Namespaces.StorageKey, null, ns) is { } owner && ObjectMeta.IsDeleting(owner))
        {
            background.Enqueue(ct => EmptyNamespaceAsync(ns, ct));
        }
    }

    /// <summary>Removes the owner references to a deleted object (deletion with propagationPolicy=Orphan).</summary>
    public void Orphan(JsonObject owner)
    {
        var uid = ObjectMeta.Uid(owner);
        foreach (var (type, dependent) in Dependents(uid))
        {
            background.Enqueue(ct => Service.UpdateAsync(Scope(type, dependent), current =>
            {
                if (current["metadata"]?["ownerReferences"] is JsonArray refs)
                {
                    foreach (var item in refs.Where(r => r?["uid"]?.ToString() == uid).ToList()) refs.Remove(item);
                }
                return current;
            }, ct));
        }
    }

    private ObjectService Service => _service ?? throw new InvalidOperationException("hooks are not attached");

    private void AfterCrdWrite(JsonObject crd, bool removed)
    {
        var name = ObjectMeta.Name(crd);
        if (!removed && !ObjectMeta.IsDeleting(crd))
        {
            registry.SetCustom(name, CrdResourceFactory.Served(crd));
            return;
        }
        var served = CrdResourceFactory.Served(crd).FirstOrDefault();
        registry.RemoveCustom(name);
        if (served is null) return;
        foreach (var item in store.List(served.StorageKey, null).Items)
        {
            store.Commit(served.StorageKey, ObjectMeta.String(item, "namespace"), ObjectMeta.Name(item), ObjectStore.ResourceVersionOf(item), null);
        }
    }

    private async Task CollectDependentsAsync(string ownerUid, CancellationToken ct)
    {
        foreach (var (type, dependent) in Dependents(ownerUid))
        {
            var owners = ObjectMeta.OwnerUids(dependent).ToHashSet();
            if (store.FindAll(o => ObjectMeta.Uid(o) is { } u && owners.Contains(u)).Count > 0) continue;
            try
            {
                await Service.DeleteAsync(Scope(type, dependent), DeleteOptions.Default, ct);
            }
            catch (ApiException e) when (e.Code == 404)
            {
                // already gone
            }
        }
    }

    private async Task EmptyNamespaceAsync(string ns, CancellationToken ct)
    {
        var remaining = 0;
        foreach (var type in registry.All.Where(t => t.Namespaced).DistinctBy(t => t.StorageKey))
        {
            foreach (var item in store.List(type.StorageKey, ns).Items)
            {
                remaining++;
                if (ObjectMeta.IsDeleting(item)) continue;
                var result = await Service.DeleteAsync(Scope(type, item), DeleteOptions.Default, ct);
                if (result.Removed) remaining--;
            }
        }
        if (remaining > 0) return;
        var scope = new RequestScope(BuiltinResources.Namespaces, null, ns, "finalize");
        await Service.UpdateAsync(scope, current =>
        {
            if (current["spec"] is JsonObject spec) spec.Remove("finalizers");
            return current;
        }, ct);
    }

    public bool HasDependents(string? ownerUid) => Dependents(ownerUid).Count > 0;

    private async Task DeleteInForegroundAsync(JsonObject owner, CancellationToken ct)
    {
        foreach (var (dependentType, dependent) in Dependents(ObjectMeta.Uid(owner)))
        {
            if (ObjectMeta.IsDeleting(dependent)) continue;
            await Service.DeleteAsync(Scope(dependentType, dependent), DeleteOptions.Default with { PropagationPolicy = "Foreground" }, ct);
        }
        await ReleaseForegroundOwnerAsync(ObjectMeta.Uid(owner)!, ct);
    }

    /// <summary>Drops the foregroundDeletion finalizer of a deleting owner once nothing refers to it any more.</summary>
    private async Task ReleaseForegroundOwnerAsync(string ownerUid, CancellationToken ct)
    {
        if (HasDependents(ownerUid)) return;
        var (storageKey, owner) = store.FindAll(o => ObjectMeta.Uid(o) == ownerUid).FirstOrDefault();
        if (owner is null || !ObjectMeta.Finalizers(owner).Contains(ForegroundFinalizer)) return;
        var type = registry.All.First(t => t.StorageKey == storageKey);
        await Service.UpdateAsync(Scope(type, owner), current =>
        {
            ObjectMeta.SetFinalizers(current, ObjectMeta.Finalizers(current).Where(f => f != ForegroundFinalizer));
            return current;
        }, ct);
    }

    private List<(ResourceType Type, JsonObject Object)> Dependents(string? ownerUid)
    {
        if (ownerUid is null) return [];
        var found = store.FindAll(o => ObjectMeta.OwnerUids(o).Contains(ownerUid));
        var result = new List<(ResourceType, JsonObject)>();
        foreach (var (storageKey, obj) in found)
        {
            var type = registry.All.FirstOrDefault(t => t.StorageKey == storageKey);
            if (type is not null) result.Add((type, obj));
        }
        return result;
    }

    private static RequestScope Scope(ResourceType type, JsonObject obj) =>
        new(type, type.Namespaced ? ObjectMeta.String(obj, "namespace") : null, ObjectMeta.Name(obj), null) { FieldManager = "sandbox-controller" };
}
