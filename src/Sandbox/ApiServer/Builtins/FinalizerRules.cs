using System.Text.Json.Nodes;
using CiBridge.Sandbox.ApiServer.Resources;
using CiBridge.Sandbox.ApiServer.Storage;

namespace CiBridge.Sandbox.ApiServer.Builtins;

/// <summary>
/// kube's rules for <c>metadata.finalizers</c>: every kind needs qualified names and may not ask for
/// both orphaning and foreground deletion; core/v1 kinds also need a '/' in any name that is not one
/// of kube's own (<c>kubernetes</c>, <c>orphan</c>, <c>foregroundDeletion</c>).
/// </summary>
internal static class FinalizerRules
{
    private static readonly HashSet<string> s_standard = ["kubernetes", "orphan", "foregroundDeletion"];

    public static IEnumerable<(string, string, string)> Validate(ResourceType type, JsonObject obj)
    {
        var finalizers = ObjectMeta.Finalizers(obj);
        var errors = new List<(string, string, string)>();
        foreach (var finalizer in finalizers) errors.AddRange(NameValidationCauses.QualifiedName("metadata.finalizers", finalizer));
        if (finalizers.Contains("orphan") && finalizers.Contains("foregroundDeletion"))
        {
            var list = string.Join(", ", finalizers.Select(Causes.GoQuote));
            errors.Add(("metadata.finalizers", "FieldValueInvalid",
                $"Invalid value: []string{{{list}}}: finalizer orphan and foregroundDeletion cannot be both set"));
        }
        if (type.Group.Length == 0) errors.AddRange(Standard("metadata.finalizers", finalizers));
        return errors;
    }

    /// <summary>core/v1's check that a name without a '/' is one of kube's own, by index.</summary>
    public static IEnumerable<(string, string, string)> Standard(string field, IReadOnlyList<string> finalizers, bool indexed = true)
    {
        for (var i = 0; i < finalizers.Count; i++)
        {
            if (finalizers[i].Contains('/', StringComparison.Ordinal) || s_standard.Contains(finalizers[i])) continue;
            yield return Causes.Invalid(indexed ? $"{field}[{i}]" : field, finalizers[i], "name is neither a standard finalizer name nor is it fully qualified");
        }
    }
}
