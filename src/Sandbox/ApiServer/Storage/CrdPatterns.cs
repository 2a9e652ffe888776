using System.Text.Json.Nodes;
using CiBridge.Kubernetes.Patterns;
using CiBridge.Sandbox.ApiServer.Builtins;

namespace CiBridge.Sandbox.ApiServer.Storage;

/// <summary>
/// Every <c>pattern</c> of a CRD's schemas must compile as Go's regexp, or kube rejects the CRD.
/// Like kube (which hoists identical per-version schemas to <c>spec.validation</c>), errors name
/// <c>spec.validation.openAPIV3Schema…</c> when all versions share one schema.
/// </summary>
internal static class CrdPatterns
{
    public static IEnumerable<(string, string, string)> Check(JsonObject crd)
    {
        var versions = (crd["spec"]?["versions"] as JsonArray ?? []).Select(v => v?["schema"]?["openAPIV3Schema"]).ToList();
        if (versions.Count == 0) return [];
        var shared = versions.All(v => JsonNode.DeepEquals(v, versions[0]));
        if (shared) return Walk(versions[0], "spec.validation.openAPIV3Schema");
        return versions.SelectMany((schema, i) => Walk(schema, $"spec.versions[{i}].schema.openAPIV3Schema"));
    }

    private static IEnumerable<(string, string, string)> Walk(JsonNode? schema, string path)
    {
        if (schema is not JsonObject node) yield break;
        if (node["pattern"] is JsonValue value && value.TryGetValue<string>(out var pattern) && GoRegex.CompileError(pattern) is { } error)
        {
            yield return ($"{path}.pattern", "FieldValueInvalid",
                $"Invalid value: {Causes.GoQuote(pattern)}: must be a valid regular expression, but isn't: {error}");
        }
        foreach (var (child, childPath) in Children(node, path))
        {
            foreach (var found in Walk(child, childPath)) yield return found;
        }
    }

    private static IEnumerable<(JsonNode?, string)> Children(JsonObject node, string path)
    {
        foreach (var (name, property) in node["properties"] as JsonObject ?? []) yield return (property, $"{path}.properties[{name}]");
        yield return (node["items"], $"{path}.items");
        yield return (node["additionalProperties"], $"{path}.additionalProperties");
        yield return (node["not"], $"{path}.not");
        foreach (var junctor in new[] { "allOf", "anyOf", "oneOf" })
        {
            var list = node[junctor] as JsonArray ?? [];
            for (var i = 0; i < list.Count; i++) yield return (list[i], $"{path}.{junctor}[{i}]");
        }
    }
}
