using System.Text.Json.Nodes;
using CiBridge.Sandbox.ApiServer.Admission;
using CiBridge.Sandbox.ApiServer.Http;
using CiBridge.Sandbox.ApiServer.Resources;

namespace CiBridge.Sandbox.ApiServer.Storage;

/// <summary>
/// Create, update and delete with kube-apiserver's semantics: prepare (system metadata, status
/// split, generation), schema, validation, admission, then a compare-and-swap commit that is
/// retried when another writer got there first and the client did not pin a resourceVersion.
/// </summary>
internal sealed class ObjectService(ObjectStore store, ObjectRules rules, IAdmission admission, StoreHooks hooks)
{
    private const int MaxAttempts = 16;

    public ObjectStore Store => store;

    public async Task<JsonObject> CreateAsync(RequestScope scope, JsonObject obj, CancellationToken ct)
    {
        rules.PrepareCreate(scope, obj);
        hooks.CheckNamespaceAcceptsContent(scope);
        PrepareContent(scope, obj);
        ObjectValidator.Validate(scope, obj);
        var name = ObjectMeta.Name(obj);
        await admission.AdmitAsync(new AdmissionRequest("CREATE", scope.Type, null, scope.Namespace, name, obj, null, scope.DryRun), ct);
        if (scope.DryRun) return obj;
        if (store.Commit(scope.Type.StorageKey, scope.Namespace, name, null, obj) == CommitOutcome.AlreadyExists)
        {
            throw StatusObjects.AlreadyExists(scope.Type, name);
        }
        hooks.AfterWrite(scope.Type, obj, removed: false);
        return obj;
    }

    /// <summary>Applies <paramref name="change"/> to the current object (a private copy) and stores the result.</summary>
    public async Task<JsonObject> UpdateAsync(RequestScope scope, Func<JsonObject, JsonObject> change, CancellationToken ct)
    {
        var name = scope.Name!;
        for (var attempt = 1; ; attempt++)
        {
            var old = store.Get(scope.Type.StorageKey, scope.Namespace, name) ?? throw StatusObjects.NotFound(scope.Type, name);
            var oldRv = ObjectStore.ResourceVersionOf(old);
            var incoming = change((JsonObject)old.DeepClone());
            var pinned = ObjectMeta.String(incoming, "resourceVersion");
            if (pinned is { Length: > 0 } && pinned != oldRv.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                throw StatusObjects.StaleResourceVersion(scope.Type, name);
            }
            var next = ObjectRules.PrepareUpdate(scope, old, incoming);
            PrepareContent(scope, next);
            ObjectMeta.Of(next)["resourceVersion"] = oldRv.ToString(System.Globalization.CultureInfo.InvariantCulture);
            ObjectValidator.Validate(scope, next, old);
            if (JsonNode.DeepEquals(old, next)) return old;
            await admission.AdmitAsync(new AdmissionRequest("UPDATE", scope.Type, scope.Subresource, scope.Namespace, name, next, old, scope.DryRun), ct);
            if (scope.DryRun) return next;
            var remove = ObjectMeta.IsDeleting(next) && ObjectMeta.Finalizers(next).Count == 0 && !StoreHooks.HoldsOwnFinalizers(scope.Type, next);
            switch (store.Commit(scope.Type.StorageKey, scope.Namespace, name, oldRv, remove ? null : next))
            {
                case CommitOutcome.Committed:
                    hooks.AfterWrite(scope.Type, next, remove);
                    return next;
                case CommitOutcome.NotFound:
                    throw StatusObjects.NotFound(scope.Type, name);
                case CommitOutcome.Conflict when pinned is { Length: > 0 } || attempt >= MaxAttempts:
                    throw StatusObjects.StaleResourceVersion(scope.Type, name);
            }
        }
    }

    public async Task<DeleteResult> DeleteAsync(RequestScope scope, DeleteOptions options, CancellationToken ct)
    {
        var name = scope.Name!;
        var admitted = false;
        for (var attempt = 1; ; attempt++)
        {
            var old = store.Get(scope.Type.StorageKey, scope.Namespace, name) ?? throw StatusObjects.NotFound(scope.Type, name);
            CheckPreconditions(scope, options, old);
            if (!admitted)
            {
                await admission.AdmitAsync(new AdmissionRequest("DELETE", scope.Type, null, scope.Namespace, name, null, old, scope.DryRun), ct);
                admitted = true;
            }
            var foreground = options.PropagationPolicy == "Foreground" && hooks.HasDependents(ObjectMeta.Uid(old));
            var pending = foreground || ObjectMeta.Finalizers(old).Count > 0 || StoreHooks.HoldsOwnFinalizers(scope.Type, old);
            if (pending && ObjectMeta.IsDeleting(old)) return new DeleteResult(old, false);
            var next = pending ? MarkDeleting(scope.Type, old, foreground) : null;
            if (scope.DryRun) return new DeleteResult(next ?? old, next is null); // what would happen; nothing stored
            var outcome = store.Commit(scope.Type.StorageKey, scope.Namespace, name, ObjectStore.ResourceVersionOf(old), next);
            if (outcome == CommitOutcome.Committed)
            {
                if (options.PropagationPolicy == "Orphan") hooks.Orphan(old);
                hooks.AfterWrite(scope.Type, next ?? old, removed: next is null);
                return new DeleteResult(next ?? old, next is null);
            }
            if (outcome == CommitOutcome.NotFound) throw StatusObjects.NotFound(scope.Type, name);
            if (attempt >= MaxAttempts) throw StatusObjects.StaleResourceVersion(scope.Type, name);
        }
    }

    private JsonObject MarkDeleting(ResourceType type, JsonObject old, bool foreground)
    {
        var next = (JsonObject)old.DeepClone();
        var metadata = ObjectMeta.Of(next);
        metadata["deletionTimestamp"] = rules.Now();
        metadata["deletionGracePeriodSeconds"] = 0;
        if (type.TracksGeneration) metadata["generation"] = ObjectMeta.Generation(old) + 1;
        if (foreground) ObjectMeta.SetFinalizers(next, [.. ObjectMeta.Finalizers(next), StoreHooks.ForegroundFinalizer]);
        StoreHooks.BeforeMarkDeleting(type, next);
        return next;
    }

    private void PrepareContent(RequestScope scope, JsonObject obj)
    {
        var pruned = KnownFields.Prune(scope.Type, obj);
        if (scope.Type.IsCustom) GoNumbers.Normalize(obj);
        if (scope.Type.IsCustom) pruned.AddRange(SchemaRules.DefaultAndPrune(obj, scope.Type.Schema));
        ReportUnknownFields(scope, pruned);
        hooks.BeforeWrite(scope.Type, obj);
    }

    private static void ReportUnknownFields(RequestScope scope, List<string> pruned)
    {
        if (pruned.Count == 0 || scope.FieldValidation == "Ignore") return;
        var messages = pruned.Select(p => $"unknown field \"{p}\"").ToList();
        if (scope.FieldValidation == "Strict") throw StatusObjects.BadRequest("strict decoding error: " + string.Join(", ", messages));
        scope.Warnings.AddRange(messages);
    }

    private static void CheckPreconditions(RequestScope scope, DeleteOptions options, JsonObject old)
    {
        var uid = ObjectMeta.Uid(old);
        if (options.PreconditionUid is { } wantedUid && wantedUid != uid)
        {
            throw StatusObjects.Conflict(scope.Type, scope.Name!, $"Precondition failed: UID in precondition: {wantedUid}, UID in object meta: {uid}");
        }
        var rv = ObjectMeta.String(old, "resourceVersion");
        if (options.PreconditionResourceVersion is { } wantedRv && wantedRv != rv)
        {
            throw StatusObjects.Conflict(scope.Type, scope.Name!,
                $"Precondition failed: ResourceVersion in precondition: {wantedRv}, ResourceVersion in object meta: {rv}");
        }
    }
}
