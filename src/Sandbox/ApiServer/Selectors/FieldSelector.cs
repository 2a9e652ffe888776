using CiBridge.Sandbox.ApiServer.Http;

namespace CiBridge.Sandbox.ApiServer.Selectors;

/// <summary>A parsed field selector: <c>field=value</c>, <c>field==value</c> or <c>field!=value</c>, comma-separated.</summary>
internal sealed class FieldSelector(IReadOnlyList<(string Field, bool Equal, string Value)> terms)
{
    public static FieldSelector Everything { get; } = new([]);

    public bool Matches(IReadOnlyDictionary<string, string> fields) =>
        terms.All(t => (fields.TryGetValue(t.Field, out var actual) ? actual : "") == t.Value == t.Equal);

    /// <summary>Parses the selector, allowing only the fields the resource supports (400 otherwise, as kube does).</summary>
    public static FieldSelector Parse(string? text, string kind)
    {
        if (string.IsNullOrWhiteSpace(text)) return Everything;
        var result = new List<(string, bool, string)>();
        foreach (var raw in text.Split(','))
        {
            var part = raw.Trim();
            var (op, at) = Find(part);
            if (at <= 0) throw StatusObjects.BadRequest($"invalid selector: '{text}'; can't understand '{part}'");
            var field = part[..at];
            if (!Supported(field, kind))
            {
                throw StatusObjects.BadRequest($"field label not supported: {field}");
            }
            result.Add((field, op != "!=", part[(at + op.Length)..]));
        }
        return new FieldSelector(result);
    }

    private static (string Op, int At) Find(string part)
    {
        foreach (var op in new[] { "!=", "==", "=" })
        {
            var at = part.IndexOf(op, StringComparison.Ordinal);
            if (at >= 0) return (op, at);
        }
        return ("", -1);
    }

    /// <summary>The fields kube-apiserver lets a selector name: every kind's name and namespace, an Event's own, and a Secret's type.</summary>
    private static bool Supported(string field, string kind) =>
        field is "metadata.name" or "metadata.namespace"
        || (kind == "Event" && (field.StartsWith("involvedObject.", StringComparison.Ordinal)
            || field.StartsWith("regarding.", StringComparison.Ordinal)
            || field is "reason" or "type" or "source" or "reportingComponent"))
        || (kind == "Secret" && field == "type");
}
