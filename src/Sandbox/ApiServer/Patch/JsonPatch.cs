using System.Text.Json.Nodes;
using CiBridge.Sandbox.ApiServer.Http;

namespace CiBridge.Sandbox.ApiServer.Patch;

/// <summary>RFC 6902 JSON patch (add, remove, replace, move, copy, test) on a JSON tree.</summary>
internal static class JsonPatch
{
    public static JsonNode Apply(JsonNode document, JsonNode? patch)
    {
        if (patch is not JsonArray operations) throw StatusObjects.BadRequest("json: cannot unmarshal object into Go value of type jsonpatch.Patch");
        foreach (var operation in operations)
        {
            if (operation is not JsonObject op) throw StatusObjects.BadRequest("json patch operation must be an object");
            document = ApplyOne(document, op);
        }
        return document;
    }

    private static JsonNode ApplyOne(JsonNode document, JsonObject op)
    {
        var kind = op["op"]?.ToString() ?? "";
        var path = op["path"]?.ToString() ?? throw Fail(kind, "missing path");
        switch (kind)
        {
            case "add":
                return Add(document, path, Value(op, kind));
            case "remove":
                Remove(document, path, kind);
                return document;
            case "replace":
                Remove(document, path, kind);
                return Add(document, path, Value(op, kind));
            case "move":
                var moved = Get(document, From(op, kind), kind).DeepClone();
                Remove(document, From(op, kind), kind);
                return Add(document, path, moved);
            case "copy":
                return Add(document, path, Get(document, From(op, kind), kind).DeepClone());
            case "test":
                if (!JsonNode.DeepEquals(Get(document, path, kind), op["value"])) throw Fail(kind, "testing value " + path + " failed");
                return document;
            default:
                throw StatusObjects.BadRequest($"Unexpected kind: {kind}");
        }
    }

    private static JsonNode? Value(JsonObject op, string kind) =>
        op.ContainsKey("value") ? op["value"]?.DeepClone() : throw Fail(kind, "missing value");

    private static string From(JsonObject op, string kind) => op["from"]?.ToString() ?? throw Fail(kind, "missing from");

    private static JsonNode Add(JsonNode document, string path, JsonNode? value)
    {
        if (path.Length == 0) return value ?? throw Fail("add", "cannot replace the document with null");
        var (parent, last) = Parent(document, path, "add");
        switch (parent)
        {
            case JsonObject map:
                map.Remove(last);
                map[last] = value;
                break;
            case JsonArray list when last == "-":
                list.Add(value);
                break;
            case JsonArray list when int.TryParse(last, out var index) && index >= 0 && index <= list.Count:
                list.Insert(index, value);
                break;
            default:
                throw Fail("add", $"unable to add {path}");
        }
        return document;
    }

    private static void Remove(JsonNode document, string path, string kind)
    {
        var (parent, last) = Parent(document, path, kind);
        var ok = parent switch
        {
            JsonObject map => map.Remove(last),
            JsonArray list when int.TryParse(last, out var index) && index >= 0 && index < list.Count => RemoveAt(list, index),
            _ => false,
        };
        if (!ok) throw Fail(kind, $"Unable to remove nonexistent key: {last}: missing value");
    }

    private static bool RemoveAt(JsonArray list, int index)
    {
        list.RemoveAt(index);
        return true;
    }

    private static JsonNode Get(JsonNode document, string path, string kind)
    {
        var node = document;
        foreach (var token in Tokens(path))
        {
            node = node switch
            {
                JsonObject map when map[token] is { } child => child,
                JsonArray list when int.TryParse(token, out var i) && i >= 0 && i < list.Count && list[i] is { } item => item,
                _ => throw Fail(kind, $"unable to get nonexistent key: {token}: missing value"),
            };
        }
        return node;
    }

    private static (JsonNode Parent, string Last) Parent(JsonNode document, string path, string kind)
    {
        var tokens = Tokens(path);
        var parentPath = "/" + string.Join('/', tokens[..^1].Select(t => t.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)));
        var parent = tokens.Length == 1 ? document : Get(document, parentPath, kind);
        return (parent, tokens[^1]);
    }

    private static string[] Tokens(string path)
    {
        if (!path.StartsWith('/')) throw Fail("", $"JSON pointer must start with '/': {path}");
        return [.. path[1..].Split('/').Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))];
    }

    private static ApiException Fail(string kind, string message) =>
        new(422, "Invalid", $"the server rejected our request due to an error in our request: {(kind.Length > 0 ? kind + " operation does not apply: " : "")}{message}");
}
