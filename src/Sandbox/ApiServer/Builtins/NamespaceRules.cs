using System.Text.Json.Nodes;

namespace CiBridge.Sandbox.ApiServer.Builtins;

/// <summary>
/// kube's namespace strategy and <c>ValidateNamespace</c>: <c>spec.finalizers</c> are qualified names,
/// and a name without a '/' must be one of kube's own; a new namespace gets the <c>kubernetes</c>
/// finalizer; an update of the namespace itself keeps the finalizers it had (only the <c>finalize</c>
/// subresource changes them).
/// </summary>
internal static class NamespaceRules
{
    /// <summary>Finalizer names; kube reports them on <c>spec.finalizers</c> itself on create, and by index through <c>finalize</c>.</summary>
    public static IEnumerable<(string, string, string)> Validate(JsonObject ns, bool indexed)
    {
        var finalizers = (ns["spec"]?["finalizers"] as JsonArray ?? []).Select(f => f?.ToString() ?? "").ToList();
        for (var i = 0; i < finalizers.Count; i++)
        {
            var field = indexed ? $"spec.finalizers[{i}]" : "spec.finalizers";
            foreach (var error in NameValidationCauses.QualifiedName(field, finalizers[i])) yield return error;
            foreach (var error in FinalizerRules.Standard(field, [finalizers[i]], indexed: false)) yield return error;
        }
    }

    /// <summary>On create kube adds its own <c>kubernetes</c> finalizer to whatever the namespace lists.</summary>
    public static void AddKubernetesFinalizer(JsonObject ns)
    {
        if (ns["spec"] is not JsonObject spec) ns["spec"] = spec = [];
        if (spec["finalizers"] is not JsonArray finalizers) spec["finalizers"] = finalizers = [];
        if (!finalizers.Any(f => f?.ToString() == "kubernetes")) finalizers.Add("kubernetes");
    }

    /// <summary>A PUT or patch of a namespace (not of its <c>finalize</c> subresource) cannot change <c>spec.finalizers</c>.</summary>
    public static void KeepFinalizers(JsonObject old, JsonObject next)
    {
        var kept = old["spec"]?["finalizers"]?.DeepClone();
        if (next["spec"] is not JsonObject spec) next["spec"] = spec = [];
        if (kept is null) spec.Remove("finalizers");
        else spec["finalizers"] = kept;
    }
}
