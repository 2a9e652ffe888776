using System.Globalization;
using System.Text.Json.Nodes;
using CiBridge.Sandbox.ApiServer.Builtins;
using CiBridge.Sandbox.ApiServer.Http;
using CiBridge.Sandbox.ApiServer.Resources;

namespace CiBridge.Sandbox.ApiServer.Storage;

/// <summary>
/// The generic registry rules of kube-apiserver that apply to every kind: system metadata on
/// create, what an update may and may not change, generation and the status subresource.
/// </summary>
internal sealed class ObjectRules(TimeProvider time)
{
    private const string NameAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    public string Now() => time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Stamps system metadata on a new object; status is dropped when it has its own subresource.</summary>
    public void PrepareCreate(RequestScope scope, JsonObject obj)
    {
        var metadata = ObjectMeta.Of(obj);
        if (ObjectMeta.String(obj, "name") is null or "" && ObjectMeta.String(obj, "generateName") is { Length: > 0 } prefix)
        {
            metadata["name"] = prefix + string.Concat(Enumerable.Range(0, 5).Select(_ => NameAlphabet[Random.Shared.Next(NameAlphabet.Length)]));
        }
        metadata["uid"] = Guid.NewGuid().ToString();
        metadata["creationTimestamp"] = Now();
        metadata.Remove("resourceVersion");
        metadata.Remove("deletionTimestamp");
        metadata.Remove("deletionGracePeriodSeconds");
        if (scope.Type.Namespaced) metadata["namespace"] = scope.Namespace;
        else metadata.Remove("namespace");
        if (scope.Type.TracksGeneration) metadata["generation"] = 1;
        else metadata.Remove("generation");
        if (scope.Type.HasStatusSubresource && scope.Type.IsCustom) obj.Remove("status");
        if (scope.Type == BuiltinResources.Namespaces) NamespaceRules.AddKubernetesFinalizer(obj);
    }

    /// <summary>
    /// Carries over what a client may not change on update (uid, creation, deletion state), applies
    /// the status subresource split and bumps the generation when the spec changed.
    /// </summary>
    public static JsonObject PrepareUpdate(RequestScope scope, JsonObject old, JsonObject incoming)
    {
        var next = scope.IsStatus ? StatusOnly(old, incoming) : incoming;
        if (!scope.IsStatus && scope.Type.HasStatusSubresource)
        {
            if (old["status"] is { } status) next["status"] = status.DeepClone();
            else next.Remove("status");
        }
        var metadata = ObjectMeta.Of(next);
        foreach (var field in new[] { "uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation", "namespace" })
        {
            if (old["metadata"]?[field] is { } value) metadata[field] = value.DeepClone();
            else metadata.Remove(field);
        }
        metadata["name"] = ObjectMeta.Name(old);
        if (scope.Type == BuiltinResources.Namespaces && scope.Subresource is null) NamespaceRules.KeepFinalizers(old, next);
        if (ObjectMeta.IsDeleting(old)) RejectNewFinalizers(scope, old, next);
        if (scope.Type.TracksGeneration && SpecChanged(scope.Type, old, next))
        {
            metadata["generation"] = ObjectMeta.Generation(old) + 1;
        }
        return next;
    }

    private static JsonObject StatusOnly(JsonObject old, JsonObject incoming)
    {
        var next = (JsonObject)old.DeepClone();
        if (incoming["status"] is { } status) next["status"] = status.DeepClone();
        else next.Remove("status");
        if (incoming["metadata"]?["managedFields"] is { } managed) ObjectMeta.Of(next)["managedFields"] = managed.DeepClone();
        return next;
    }

    private static bool SpecChanged(ResourceType type, JsonObject old, JsonObject next) =>
        !JsonNode.DeepEquals(ObjectMeta.WithoutMetadata(old, type.HasStatusSubresource), ObjectMeta.WithoutMetadata(next, type.HasStatusSubresource));

    private static void RejectNewFinalizers(RequestScope scope, JsonObject old, JsonObject next)
    {
        var before = ObjectMeta.Finalizers(old);
        var added = ObjectMeta.Finalizers(next).Where(f => !before.Contains(f)).ToList();
        if (added.Count == 0) return;
        throw StatusObjects.Invalid(scope.Type, ObjectMeta.Name(old),
            [("metadata.finalizers", "FieldValueForbidden", $"Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{{{string.Join(", ", added.Select(a => $"\"{a}\""))}}}")]);
    }
}
