using System.Globalization;
using CiBridge.Kubernetes.Models;

namespace CiBridge.Kubernetes.Cache;

/// <summary>
/// A label selector in kube's string syntax (<c>a=b,c!=d,e in (x,y),!f,g,h notin (z),i&gt;3</c>) or
/// as a <see cref="LabelSelector"/> object, parsed once; every requirement must hold. The cache
/// answers list queries with it, and the sandbox API server uses the same one.
/// </summary>
public sealed class LabelSelectorMatcher(IReadOnlyList<LabelRequirement> requirements)
{
    /// <summary>The empty selector: matches every object.</summary>
    public static LabelSelectorMatcher Everything { get; } = new([]);

    public IReadOnlyList<LabelRequirement> Requirements { get; } = requirements;

    public bool Matches(IReadOnlyDictionary<string, string>? labels)
    {
        labels ??= new Dictionary<string, string>();
        return Requirements.All(r => r.Matches(labels));
    }

    /// <summary>Parses the string syntax; null or blank selects everything.</summary>
    /// <exception cref="FormatException">The selector is malformed; the message quotes it as kube does.</exception>
    public static LabelSelectorMatcher Parse(string? selector)
    {
        if (string.IsNullOrWhiteSpace(selector)) return Everything;
        return new LabelSelectorMatcher([.. SplitTopLevel(selector).Select(part => ParseRequirement(part.Trim(), selector))]);
    }

    /// <summary>Converts a <c>metav1.LabelSelector</c> (matchLabels and matchExpressions); null selects everything.</summary>
    /// <exception cref="FormatException">An expression has an unknown operator.</exception>
    public static LabelSelectorMatcher From(LabelSelector? selector)
    {
        if (selector is null) return Everything;
        var labels = (selector.MatchLabels ?? []).Select(l => new LabelRequirement(l.Key, LabelOperator.Equals, [l.Value]));
        var expressions = (selector.MatchExpressions ?? []).Select(e => new LabelRequirement(e.Key, e.Operator switch
        {
            "In" => LabelOperator.In,
            "NotIn" => LabelOperator.NotIn,
            "Exists" => LabelOperator.Exists,
            "DoesNotExist" => LabelOperator.DoesNotExist,
            var other => throw new FormatException($"{other} is not a valid label selector operator"),
        }, e.Values ?? []));
        return new LabelSelectorMatcher([.. labels, .. expressions]);
    }

    private static readonly (string Text, LabelOperator Operator)[] s_setOperators = [(" notin ", LabelOperator.NotIn), (" in ", LabelOperator.In)];

    // Longer operators first, so "!=" is not read as "=" and "==" not as "=".
    private static readonly (string Text, LabelOperator Operator)[] s_valueOperators =
        [("!=", LabelOperator.NotEquals), ("==", LabelOperator.Equals), ("=", LabelOperator.Equals), (">", LabelOperator.GreaterThan), ("<", LabelOperator.LessThan)];

    private static LabelRequirement ParseRequirement(string part, string whole)
    {
        if (part.StartsWith('!')) return new LabelRequirement(CheckKey(part[1..].Trim(), whole), LabelOperator.DoesNotExist, []);
        foreach (var (text, op) in s_setOperators)
        {
            var at = part.IndexOf(text, StringComparison.Ordinal);
            if (at <= 0) continue;
            var list = part[(at + text.Length)..].Trim();
            if (!list.StartsWith('(') || !list.EndsWith(')')) throw Malformed(whole);
            var values = list[1..^1].Split(',').Select(v => v.Trim()).Where(v => v.Length > 0).ToList();
            return new LabelRequirement(CheckKey(part[..at].Trim(), whole), op, values);
        }
        foreach (var (text, op) in s_valueOperators)
        {
            var at = part.IndexOf(text, StringComparison.Ordinal);
            if (at < 0) continue;
            var value = part[(at + text.Length)..].Trim();
            if (op is LabelOperator.GreaterThan or LabelOperator.LessThan && !long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
            {
                throw Malformed(whole);
            }
            return new LabelRequirement(CheckKey(part[..at].Trim(), whole), op, [value]);
        }
        return new LabelRequirement(CheckKey(part, whole), LabelOperator.Exists, []);
    }

    private static string CheckKey(string key, string whole) =>
        key.Length == 0 || key.Any(c => char.IsWhiteSpace(c) || c is '(' or ')' or ',' or '=' or '!') ? throw Malformed(whole) : key;

    private static FormatException Malformed(string whole) =>
        new($"unable to parse requirement: found '{whole}', expected: valid label selector");

    private static IEnumerable<string> SplitTopLevel(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (text[i] == ',' && depth == 0)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }
        yield return text[start..];
    }
}
