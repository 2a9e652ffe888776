using System.Text.Json.Nodes;

namespace CiBridge.Sandbox.Jenkins.Json;

/// <summary>
/// Stapler's <c>tree=</c> (NamedPathPruner): <c>a,b[c,d]{M,N}</c> keeps the named properties
/// regardless of visibility; a property named without a sub-tree keeps only <c>_class</c> of its
/// objects; <c>{M,N}</c> slices arrays; <c>*</c> matches every property.
/// </summary>
internal sealed class TreeFilter
{
    private readonly Dictionary<string, (TreeFilter? Sub, Range? Slice)> _names = new(StringComparer.Ordinal);

    private TreeFilter() { }

    /// <summary>Parses a tree spec; throws <see cref="FormatException"/> when malformed (Jenkins: 500).</summary>
    public static TreeFilter Parse(string spec)
    {
        var position = 0;
        var tree = ParseList(spec, ref position);
        if (position != spec.Length) throw new FormatException($"Unexpected '{spec[position]}' at {position} in tree '{spec}'");
        return tree;
    }

    public JsonNode? Apply(JsonNode? node) => node switch
    {
        JsonObject obj => ApplyObject(obj),
        JsonArray array => new JsonArray(array.Select(e => Apply(e)).ToArray()),
        _ => node?.DeepClone(),
    };

    private JsonObject ApplyObject(JsonObject obj)
    {
        var result = new JsonObject();
        if (obj.TryGetPropertyValue("_class", out var cls)) result["_class"] = cls?.DeepClone();
        foreach (var (name, value) in obj)
        {
            if (name == "_class") continue;
            if (!_names.TryGetValue(name, out var selection) && !_names.TryGetValue("*", out selection)) continue;
            var selected = selection.Slice is { } slice && value is JsonArray items ? Slice(items, slice) : value;
            result[name] = selection.Sub is { } sub ? sub.Apply(selected) : ClassOnly(selected);
        }
        return result;
    }

    private static JsonArray Slice(JsonArray items, Range range)
    {
        var start = Math.Min(range.Start.GetOffset(items.Count), items.Count);
        var end = Math.Clamp(range.End.GetOffset(items.Count), start, items.Count);
        return new JsonArray(items.Skip(start).Take(end - start).Select(e => e?.DeepClone()).ToArray());
    }

    private static JsonNode? ClassOnly(JsonNode? node) => node switch
    {
        JsonObject obj => obj.TryGetPropertyValue("_class", out var cls) ? new JsonObject { ["_class"] = cls?.DeepClone() } : new JsonObject(),
        JsonArray array => new JsonArray(array.Select(ClassOnly).ToArray()),
        _ => node?.DeepClone(),
    };

    private static TreeFilter ParseList(string spec, ref int position)
    {
        var tree = new TreeFilter();
        while (true)
        {
            var start = position;
            while (position < spec.Length && (char.IsLetterOrDigit(spec[position]) || spec[position] is '_' or '*' or '$')) position++;
            if (position == start) throw new FormatException($"Expected a property name at {position} in tree '{spec}'");
            var name = spec[start..position];
            TreeFilter? sub = null;
            Range? slice = null;
            if (position < spec.Length && spec[position] == '[')
            {
                position++;
                sub = ParseList(spec, ref position);
                Expect(spec, ref position, ']');
            }
            if (position < spec.Length && spec[position] == '{') slice = ParseRange(spec, ref position);
            tree._names[name] = (sub, slice);
            if (position >= spec.Length || spec[position] != ',') return tree;
            position++;
        }
    }

    private static Range ParseRange(string spec, ref int position)
    {
        var close = spec.IndexOf('}', position);
        if (close < 0) throw new FormatException($"Unclosed '{{' in tree '{spec}'");
        var body = spec[(position + 1)..close];
        position = close + 1;
        var parts = body.Split(',');
        static int? Number(string text) => text.Length == 0 ? null : int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        var from = Number(parts[0]) ?? 0;
        if (parts.Length == 1) return new Range(from, from + 1);
        return Number(parts[1]) is { } to ? new Range(from, Math.Max(from, to)) : new Range(from, Index.End);
    }

    private static void Expect(string spec, ref int position, char expected)
    {
        if (position >= spec.Length || spec[position] != expected) throw new FormatException($"Expected '{expected}' at {position} in tree '{spec}'");
        position++;
    }
}
