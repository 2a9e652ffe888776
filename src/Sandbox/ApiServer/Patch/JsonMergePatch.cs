using System.Text.Json.Nodes;

namespace CiBridge.Sandbox.ApiServer.Patch;

/// <summary>
/// RFC 7386 JSON merge patch. With <c>strategic</c>, kubectl's strategic-merge directives
/// (<c>$patch</c>, <c>$retainKeys</c>, <c>$setElementOrder/…</c>, <c>$deleteFromPrimitiveList/…</c>)
/// are dropped, which is exact for maps and for lists without merge keys.
/// </summary>
internal static class JsonMergePatch
{
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch, bool strategic = false)
    {
        if (patch is not JsonObject patchMap) return patch?.DeepClone();
        var result = target as JsonObject ?? [];
        foreach (var (key, value) in patchMap)
        {
            if (strategic && key.StartsWith('$')) continue;
            if (value is null)
            {
                result.Remove(key);
                continue;
            }
            var current = result[key];
            result.Remove(key);
            result[key] = Apply(current is null ? null : current, value, strategic);
        }
        return result;
    }
}
