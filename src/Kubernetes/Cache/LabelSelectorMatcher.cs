namespace CiBridge.Kubernetes.Cache;

/// <summary>Equality-based label selectors (<c>a=b</c>, <c>a==b</c>, <c>a!=b</c>, <c>a</c>, <c>!a</c>, comma-separated), as a cache evaluates them.</summary>
internal sealed class LabelSelectorMatcher
{
    private readonly List<Func<IReadOnlyDictionary<string, string>, bool>> _terms = [];

    public static LabelSelectorMatcher Parse(string selector)
    {
        var matcher = new LabelSelectorMatcher();
        foreach (var raw in selector.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (raw.Contains(" in ", StringComparison.Ordinal) || raw.Contains(" notin ", StringComparison.Ordinal))
            {
                throw new NotSupportedException($"set-based selector \"{raw}\" is not supported by the cache");
            }
            matcher._terms.Add(Term(raw));
        }
        return matcher;
    }

    public bool Matches(IReadOnlyDictionary<string, string>? labels)
    {
        labels ??= new Dictionary<string, string>();
        return _terms.TrueForAll(t => t(labels));
    }

    private static Func<IReadOnlyDictionary<string, string>, bool> Term(string term)
    {
        var notEqual = term.IndexOf("!=", StringComparison.Ordinal);
        if (notEqual > 0)
        {
            var (key, value) = (term[..notEqual].Trim(), term[(notEqual + 2)..].Trim());
            return l => !l.TryGetValue(key, out var v) || v != value;
        }
        var equal = term.IndexOf('=', StringComparison.Ordinal);
        if (equal > 0)
        {
            var key = term[..equal].Trim();
            var value = term[(equal + 1)..].TrimStart('=').Trim();
            return l => l.TryGetValue(key, out var v) && v == value;
        }
        if (term.StartsWith('!')) return l => !l.ContainsKey(term[1..].Trim());
        return l => l.ContainsKey(term);
    }
}
