using System.Text.Json.Nodes;

namespace CiBridge.Sandbox.ApiServer.Storage;

/// <summary>Small accessors for <c>metadata</c> fields of a JSON object.</summary>
internal static class ObjectMeta
{
    public static JsonObject Of(JsonObject obj)
    {
        if (obj["metadata"] is JsonObject metadata) return metadata;
        obj["metadata"] = metadata = [];
        return metadata;
    }

    public static string? String(JsonObject obj, string field) =>
        obj["metadata"]?[field] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public static string Name(JsonObject obj) => String(obj, "name") ?? "";

    public static string? Uid(JsonObject obj) => String(obj, "uid");

    public static bool IsDeleting(JsonObject obj) => String(obj, "deletionTimestamp") is not null;

    public static List<string> Finalizers(JsonObject obj) =>
        (obj["metadata"]?["finalizers"] as JsonArray ?? []).Select(f => f?.ToString() ?? "").ToList();

    public static void SetFinalizers(JsonObject obj, IEnumerable<string> finalizers)
    {
        var list = new JsonArray([.. finalizers.Select(f => (JsonNode)JsonValue.Create(f))]);
        if (list.Count == 0) Of(obj).Remove("finalizers");
        else Of(obj)["finalizers"] = list;
    }

    public static long Generation(JsonObject obj) =>
        JsonNumbers.AsLong(obj["metadata"]?["generation"]) ?? 0;

    public static IEnumerable<string> OwnerUids(JsonObject obj) =>
        (obj["metadata"]?["ownerReferences"] as JsonArray ?? []).Select(o => o?["uid"]?.ToString() ?? "").Where(u => u.Length > 0);

    /// <summary>Copies an object without <c>metadata</c> (and without <c>status</c> when asked), for comparisons.</summary>
    public static JsonObject WithoutMetadata(JsonObject obj, bool withoutStatus)
    {
        var copy = (JsonObject)obj.DeepClone();
        copy.Remove("metadata");
        if (withoutStatus) copy.Remove("status");
        return copy;
    }
}
