using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CiBridge.Sandbox.ApiServer.Tables;

/// <summary>
/// The JSONPath subset printer columns use: <c>.a.b</c>, <c>.a[0]</c>, <c>.a[*].b</c> and
/// <c>.a[?(@.type=="Ready")].status</c>.
/// </summary>
internal static partial class SimpleJsonPath
{
    public static List<JsonNode> Evaluate(JsonNode? root, string path)
    {
        var current = new List<JsonNode>();
        if (root is not null) current.Add(root);
        foreach (Match step in Step().Matches(path.Trim().TrimStart('{').TrimEnd('}')))
        {
            current = Apply(current, step);
            if (current.Count == 0) break;
        }
        return current;
    }

    private static List<JsonNode> Apply(List<JsonNode> nodes, Match step)
    {
        var next = new List<JsonNode>();
        foreach (var node in nodes)
        {
            if (step.Groups["field"].Success)
            {
                if (node is JsonObject map && map[step.Groups["field"].Value] is { } child) next.Add(child);
            }
            else if (node is JsonArray list)
            {
                next.AddRange(Select(list, step).OfType<JsonNode>());
            }
        }
        return next;
    }

    private static IEnumerable<JsonNode?> Select(JsonArray list, Match step)
    {
        if (step.Groups["index"].Success)
        {
            var index = int.Parse(step.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (index < 0) index += list.Count;
            return index >= 0 && index < list.Count ? [list[index]] : [];
        }
        if (step.Groups["filterField"].Success)
        {
            var field = step.Groups["filterField"].Value;
            var value = step.Groups["filterValue"].Value;
            return list.Where(item => item is JsonObject map && map[field]?.ToString() == value);
        }
        return list;
    }

    [GeneratedRegex("""\.(?<field>[A-Za-z0-9_\-$]+)|\[(?:(?<index>-?\d+)|\*|\?\(@\.(?<filterField>[A-Za-z0-9_]+)\s*==\s*["'](?<filterValue>[^"']*)["']\))\]""")]
    private static partial Regex Step();
}
