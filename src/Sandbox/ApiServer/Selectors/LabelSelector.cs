using System.Globalization;
using System.Text.Json.Nodes;
using CiBridge.Sandbox.ApiServer.Http;

namespace CiBridge.Sandbox.ApiServer.Selectors;

/// <summary>A parsed label selector in kube's string syntax; all requirements must hold.</summary>
internal sealed class LabelSelector(IReadOnlyList<LabelRequirement> requirements)
{
    public static LabelSelector Everything { get; } = new([]);

    public IReadOnlyList<LabelRequirement> Requirements { get; } = requirements;

    public bool Matches(IReadOnlyDictionary<string, string> labels) => Requirements.All(r => r.Matches(labels));

    /// <summary>Parses <c>a=b,c!=d,e in (x,y),!f,g,h notin (z),i&gt;3</c>; a bad selector is 400 BadRequest.</summary>
    public static LabelSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return Everything;
        var result = new List<LabelRequirement>();
        foreach (var part in SplitTopLevel(text)) result.Add(ParseRequirement(part.Trim(), text));
        return new LabelSelector(result);
    }

    /// <summary>Converts a <c>metav1.LabelSelector</c> object (matchLabels + matchExpressions).</summary>
    public static LabelSelector FromObject(JsonObject? selector)
    {
        if (selector is null) return Everything;
        var result = new List<LabelRequirement>();
        if (selector["matchLabels"] is JsonObject labels)
        {
            foreach (var (key, value) in labels) result.Add(new LabelRequirement(key, "=", [value?.ToString() ?? ""]));
        }
        foreach (var expression in selector["matchExpressions"] as JsonArray ?? [])
        {
            var key = expression?["key"]?.ToString() ?? "";
            var values = (expression?["values"] as JsonArray ?? []).Select(v => v?.ToString() ?? "").ToList();
            var op = expression?["operator"]?.ToString() switch
            {
                "In" => "in",
                "NotIn" => "notin",
                "Exists" => "exists",
                "DoesNotExist" => "!",
                var other => throw StatusObjects.BadRequest($"{other} is not a valid label selector operator"),
            };
            result.Add(new LabelRequirement(key, op, values));
        }
        return new LabelSelector(result);
    }

    private static LabelRequirement ParseRequirement(string part, string whole)
    {
        if (part.StartsWith('!')) return new LabelRequirement(CheckKey(part[1..].Trim(), whole), "!", []);
        foreach (var op in new[] { " notin ", " in " })
        {
            var at = part.IndexOf(op, StringComparison.Ordinal);
            if (at <= 0) continue;
            var list = part[(at + op.Length)..].Trim();
            if (!list.StartsWith('(') || !list.EndsWith(')')) throw Bad(whole);
            var values = list[1..^1].Split(',').Select(v => v.Trim()).Where(v => v.Length > 0).ToList();
            return new LabelRequirement(CheckKey(part[..at].Trim(), whole), op.Trim(), values);
        }
        foreach (var op in new[] { "!=", "==", "=", ">", "<" })
        {
            var at = part.IndexOf(op, StringComparison.Ordinal);
            if (at < 0) continue;
            var value = part[(at + op.Length)..].Trim();
            if (op is ">" or "<" && !long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)) throw Bad(whole);
            return new LabelRequirement(CheckKey(part[..at].Trim(), whole), op, [value]);
        }
        return new LabelRequirement(CheckKey(part, whole), "exists", []);
    }

    private static string CheckKey(string key, string whole) =>
        key.Length == 0 || key.Any(c => char.IsWhiteSpace(c) || c is '(' or ')' or ',' or '=' or '!') ? throw Bad(whole) : key;

    private static ApiException Bad(string whole) =>
        StatusObjects.BadRequest($"unable to parse requirement: found '{whole}', expected: valid label selector");

    private static IEnumerable<string> SplitTopLevel(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '(')
            {
                depth++;
            }
            else if (text[i] == ')')
            {
                depth--;
            }
            else if (text[i] == ',' && depth == 0)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }
        yield return text[start..];
    }
}
