using System.Text.Json.Nodes;

namespace CiBridge.Sandbox.ApiServer.Resources;

/// <summary>
/// JsonObject and JsonArray built from parsed JSON fill their children lazily on first access,
/// which is not safe when several requests read the same tree at once. Walking the tree once
/// fills it, after which concurrent reads are safe.
/// </summary>
internal static class JsonTrees
{
    public static T? Materialize<T>(T? node)
        where T : JsonNode
    {
        switch (node)
        {
            case JsonObject map:
                foreach (var (_, child) in map) Materialize(child);
                break;
            case JsonArray list:
                foreach (var child in list) Materialize(child);
                break;
        }
        return node;
    }
}
