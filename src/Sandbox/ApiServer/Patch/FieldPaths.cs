using System.Text.Json.Nodes;

namespace CiBridge.Sandbox.ApiServer.Patch;

/// <summary>
/// Leaf field paths of an object in managedFields' spelling (<c>f:spec</c> → <c>f:job</c>). Lists
/// are atomic: a list is one leaf. System metadata is never owned.
/// </summary>
internal static class FieldPaths
{
    public const char Separator = '\n';

    private static readonly HashSet<string> s_systemMetadata =
        ["name", "namespace", "uid", "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "managedFields", "selfLink"];

    public static HashSet<string> Leaves(JsonObject obj)
    {
        var leaves = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in obj)
        {
            if (key is "apiVersion" or "kind") continue;
            if (key == "metadata" && value is JsonObject metadata)
            {
                foreach (var (field, child) in metadata)
                {
                    if (!s_systemMetadata.Contains(field)) Collect(child, $"f:metadata{Separator}f:{field}", leaves);
                }
                continue;
            }
            Collect(value, "f:" + key, leaves);
        }
        return leaves;
    }

    private static void Collect(JsonNode? node, string path, HashSet<string> leaves)
    {
        if (node is JsonObject map && map.Count > 0)
        {
            foreach (var (key, child) in map) Collect(child, $"{path}{Separator}f:{key}", leaves);
            return;
        }
        leaves.Add(path);
    }

    public static JsonNode? Get(JsonObject obj, string path)
    {
        JsonNode? node = obj;
        foreach (var segment in path.Split(Separator))
        {
            if (node is not JsonObject map || !map.TryGetPropertyValue(segment[2..], out node)) return null;
        }
        return node;
    }

    public static bool Has(JsonObject obj, string path) => Parent(obj, path, create: false) is { } parent && parent.ContainsKey(Last(path));

    public static void Set(JsonObject obj, string path, JsonNode? value)
    {
        var parent = Parent(obj, path, create: true)!;
        parent[Last(path)] = value?.DeepClone();
    }

    public static void Remove(JsonObject obj, string path) => Parent(obj, path, create: false)?.Remove(Last(path));

    /// <summary>Human spelling for conflict messages: <c>.spec.job</c>.</summary>
    public static string Display(string path) => string.Concat(path.Split(Separator).Select(s => "." + s[2..]));

    private static string Last(string path) => path[(path.LastIndexOf(Separator) + 1)..][2..];

    private static JsonObject? Parent(JsonObject obj, string path, bool create)
    {
        var segments = path.Split(Separator);
        var node = obj;
        foreach (var segment in segments[..^1])
        {
            var key = segment[2..];
            if (node[key] is JsonObject child) node = child;
            else if (create) node = (JsonObject)(node[key] = new JsonObject());
            else return null;
        }
        return node;
    }

    /// <summary>The managedFields <c>fieldsV1</c> tree of a set of leaf paths.</summary>
    public static JsonObject ToTree(IEnumerable<string> leaves)
    {
        var root = new JsonObject();
        foreach (var leaf in leaves.Order(StringComparer.Ordinal))
        {
            var node = root;
            foreach (var segment in leaf.Split(Separator))
            {
                if (node[segment] is not JsonObject child) node[segment] = child = [];
                node = child;
            }
        }
        return root;
    }

    public static HashSet<string> FromTree(JsonObject? tree)
    {
        var leaves = new HashSet<string>(StringComparer.Ordinal);
        if (tree is not null) Walk(tree, "", leaves);
        return leaves;
    }

    private static void Walk(JsonObject node, string prefix, HashSet<string> leaves)
    {
        var children = node.Where(p => p.Key != ".").ToList();
        if (children.Count == 0 && prefix.Length > 0) leaves.Add(prefix);
        foreach (var (key, child) in children)
        {
            var path = prefix.Length == 0 ? key : prefix + Separator + key;
            if (child is JsonObject map) Walk(map, path, leaves);
        }
    }
}
