using System.Text.Json.Nodes;

namespace CiBridge.Sandbox.ApiServer.Storage;

/// <summary>Finds the fields that pruning removed, by comparing the object before and after.</summary>
internal static class UnknownFields
{
    public static void Collect(JsonNode? before, JsonNode? after, string path, List<string> into)
    {
        switch (before)
        {
            case JsonObject map when after is JsonObject kept:
                foreach (var (key, value) in map)
                {
                    var child = path.Length == 0 ? key : $"{path}.{key}";
                    if (!kept.ContainsKey(key)) into.Add(child);
                    else Collect(value, kept[key], child, into);
                }
                break;
            case JsonArray list when after is JsonArray keptList:
                for (var i = 0; i < Math.Min(list.Count, keptList.Count); i++) Collect(list[i], keptList[i], $"{path}[{i}]", into);
                break;
        }
    }
}
