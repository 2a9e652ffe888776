using System.Globalization;
using System.Text.Json.Nodes;
using CiBridge.Sandbox.ApiServer.Storage;

namespace CiBridge.Sandbox.ApiServer.Patch;

/// <summary>
/// Reads and writes <c>metadata.managedFields</c>. An update gives its manager the leaf fields it
/// changed (taking them from other managers), as kube's field manager does.
/// </summary>
internal sealed class ManagedFields(TimeProvider time)
{
    public static List<ManagedFieldsEntry> Read(JsonObject obj)
    {
        var entries = new List<ManagedFieldsEntry>();
        foreach (var item in obj["metadata"]?["managedFields"] as JsonArray ?? [])
        {
            if (item is not JsonObject entry) continue;
            entries.Add(new ManagedFieldsEntry(
                entry["manager"]?.ToString() ?? "",
                entry["operation"]?.ToString() ?? "Update",
                entry["apiVersion"]?.ToString() ?? "",
                entry["subresource"]?.ToString(),
                FieldPaths.FromTree(entry["fieldsV1"] as JsonObject),
                entry["time"]?.ToString() ?? ""));
        }
        return entries;
    }

    public static void Write(JsonObject obj, IEnumerable<ManagedFieldsEntry> entries)
    {
        var array = new JsonArray();
        foreach (var entry in entries.Where(e => e.Fields.Count > 0))
        {
            var json = new JsonObject
            {
                ["manager"] = entry.Manager,
                ["operation"] = entry.Operation,
                ["apiVersion"] = entry.ApiVersion,
                ["time"] = entry.Time,
                ["fieldsType"] = "FieldsV1",
                ["fieldsV1"] = FieldPaths.ToTree(entry.Fields),
            };
            if (entry.Subresource is not null) json["subresource"] = entry.Subresource;
            array.Add(json);
        }
        if (array.Count == 0) ObjectMeta.Of(obj).Remove("managedFields");
        else ObjectMeta.Of(obj)["managedFields"] = array;
    }

    public string Now() => time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Gives the request's field manager (operation Update) the fields that differ between old and next.</summary>
    public void RecordUpdate(JsonObject next, JsonObject? old, RequestScope scope)
    {
        var entries = old is null ? [] : Read(old);
        var changed = FieldPaths.Leaves(next)
            .Where(p => old is null || !JsonNode.DeepEquals(FieldPaths.Get(old, p), FieldPaths.Get(next, p)))
            .Where(p => !scope.Type.HasStatusSubresource || scope.IsStatus == p.StartsWith("f:status", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);
        if (changed.Count == 0)
        {
            Write(next, entries);
            return;
        }
        foreach (var entry in entries) entry.Fields.ExceptWith(changed);
        var subresource = scope.IsStatus ? "status" : null;
        var mine = entries.FirstOrDefault(e => e.Manager == scope.FieldManager && e.Operation == "Update" && e.Subresource == subresource);
        if (mine is null)
        {
            mine = new ManagedFieldsEntry(scope.FieldManager, "Update", scope.Type.ApiVersion, subresource, [], Now());
            entries.Add(mine);
        }
        mine.Fields.UnionWith(changed);
        entries[entries.IndexOf(mine)] = mine with { Time = Now() };
        Write(next, entries);
    }
}
