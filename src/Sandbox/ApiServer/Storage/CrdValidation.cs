using System.Text.Json.Nodes;

namespace CiBridge.Sandbox.ApiServer.Storage;

/// <summary>The CustomResourceDefinition checks that matter for serving: name, group, names, versions.</summary>
internal static class CrdValidation
{
    public static IEnumerable<(string, string, string)> Check(JsonObject crd)
    {
        var spec = crd["spec"] as JsonObject;
        var group = spec?["group"]?.ToString() ?? "";
        var plural = spec?["names"]?["plural"]?.ToString() ?? "";
        var name = ObjectMeta.Name(crd);
        if (group.Length == 0) yield return ("spec.group", "FieldValueRequired", "Required value");
        if (plural.Length == 0) yield return ("spec.names.plural", "FieldValueRequired", "Required value");
        if (spec?["names"]?["kind"] is null) yield return ("spec.names.kind", "FieldValueRequired", "Required value");
        if (name != $"{plural}.{group}")
        {
            yield return ("metadata.name", "FieldValueInvalid", $"Invalid value: \"{name}\": must be spec.names.plural+\".\"+spec.group");
        }
        var versions = spec?["versions"] as JsonArray ?? [];
        if (versions.Count == 0) yield return ("spec.versions", "FieldValueInvalid", "Invalid value: null: must have exactly one version marked as storage version");
        if (versions.Count(v => JsonNumbers.AsBool(v?["storage"]) == true) != 1 && versions.Count > 0)
        {
            yield return ("spec.versions", "FieldValueInvalid", "Invalid value: []apiextensions.CustomResourceDefinitionVersion{...}: must have exactly one version marked as storage version");
        }
        foreach (var error in CrdPatterns.Check(crd)) yield return error;
    }
}
