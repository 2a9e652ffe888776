using System.Text.Json.Nodes;
using CiBridge.Sandbox.ApiServer.Http;
using CiBridge.Sandbox.ApiServer.Storage;

namespace CiBridge.Sandbox.ApiServer.Patch;

/// <summary>
/// Server-side apply (<c>application/apply-patch+yaml</c>): the applied configuration's leaf fields
/// become the manager's; a field another manager owns with a different value is a conflict (409)
/// unless <c>force</c>; fields the manager applied before and no longer applies are removed.
/// Lists are atomic.
/// </summary>
internal sealed class ServerSideApply(ObjectService objects, ManagedFields fields)
{
    public async Task<(JsonObject Object, int Code)> ApplyAsync(RequestScope scope, JsonNode? body, bool force, CancellationToken ct)
    {
        if (body is not JsonObject applied) throw StatusObjects.BadRequest("couldn't get version/kind; json parse error: expected an object");
        if (applied["apiVersion"]?.ToString() != scope.Type.ApiVersion || applied["kind"]?.ToString() != scope.Type.Kind)
        {
            throw StatusObjects.BadRequest($"the API version in the data ({applied["apiVersion"]}) does not match the expected API version ({scope.Type.ApiVersion})");
        }
        if (ObjectMeta.Name(applied) != scope.Name) throw StatusObjects.BadRequest($"the name of the object ({ObjectMeta.Name(applied)}) does not match the name on the URL ({scope.Name})");
        if (scope.FieldManager is "unknown" or "") throw StatusObjects.BadRequest("PATCH, application/apply-patch+yaml: fieldManager is required for apply requests");
        applied = scope.Type.ToStorage(applied);
        var paths = FieldPaths.Leaves(applied);
        if (objects.Store.Get(scope.Type.StorageKey, scope.Namespace, scope.Name!) is null)
        {
            var created = (JsonObject)applied.DeepClone();
            ManagedFields.Write(created, [Entry(scope, paths)]);
            try
            {
                return (await objects.CreateAsync(scope, created, ct), 201);
            }
            catch (ApiException e) when (e.Reason == "AlreadyExists")
            {
                // created concurrently: apply to it below
            }
        }
        var updated = await objects.UpdateAsync(scope, old => Merge(scope, old, applied, paths, force), ct);
        return (updated, 200);
    }

    private JsonObject Merge(RequestScope scope, JsonObject old, JsonObject applied, HashSet<string> paths, bool force)
    {
        var entries = ManagedFields.Read(old);
        var conflicts = entries
            .Where(e => !(e.Manager == scope.FieldManager && e.Operation == "Apply"))
            .SelectMany(e => e.Fields.Where(p => paths.Contains(p) && FieldPaths.Has(old, p)
                && !JsonNode.DeepEquals(FieldPaths.Get(old, p), FieldPaths.Get(applied, p))).Select(p => (e.Manager, e.ApiVersion, Path: p)))
            .ToList();
        if (conflicts.Count > 0 && !force) throw Conflict(scope, conflicts);
        var next = (JsonObject)old.DeepClone();
        ObjectMeta.Of(next).Remove("resourceVersion");
        var mine = entries.FirstOrDefault(e => e.Manager == scope.FieldManager && e.Operation == "Apply");
        var ownedByOthers = entries.Where(e => e != mine).SelectMany(e => e.Fields).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in mine?.Fields.Except(paths) ?? [])
        {
            if (!ownedByOthers.Contains(stale)) FieldPaths.Remove(next, stale);
        }
        foreach (var path in paths) FieldPaths.Set(next, path, FieldPaths.Get(applied, path));
        // A value applied unchanged becomes shared ownership; only changed fields move to this manager.
        var changed = paths.Where(p => !FieldPaths.Has(old, p) || !JsonNode.DeepEquals(FieldPaths.Get(old, p), FieldPaths.Get(applied, p))).ToList();
        foreach (var entry in entries) entry.Fields.ExceptWith(changed);
        entries.Remove(mine!);
        entries.Add(Entry(scope, paths));
        ManagedFields.Write(next, entries);
        return next;
    }

    private ManagedFieldsEntry Entry(RequestScope scope, HashSet<string> paths) =>
        new(scope.FieldManager, "Apply", scope.Type.ApiVersion, scope.IsStatus ? "status" : null, [.. paths], fields.Now());

    private static ApiException Conflict(RequestScope scope, List<(string Manager, string ApiVersion, string Path)> conflicts)
    {
        var causes = new JsonArray();
        foreach (var (manager, apiVersion, path) in conflicts)
        {
            causes.Add(new JsonObject { ["reason"] = "FieldManagerConflict", ["message"] = $"conflict with \"{manager}\" using {apiVersion}", ["field"] = FieldPaths.Display(path) });
        }
        var details = StatusObjects.Details(scope.Type, scope.Name!);
        details["causes"] = causes;
        var message = conflicts.Count == 1
            ? $"Apply failed with 1 conflict: conflict with \"{conflicts[0].Manager}\" using {conflicts[0].ApiVersion}: {FieldPaths.Display(conflicts[0].Path)}"
            : $"Apply failed with {conflicts.Count} conflicts: " + string.Join("\n", conflicts.GroupBy(c => (c.Manager, c.ApiVersion))
                .Select(g => $"conflicts with \"{g.Key.Manager}\" using {g.Key.ApiVersion}:\n" + string.Join("\n", g.Select(c => "- " + FieldPaths.Display(c.Path)))));
        return new ApiException(409, "Conflict", message, details);
    }
}
