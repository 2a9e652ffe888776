using System.Text.Json.Nodes;
using CiBridge.Kubernetes.Cache;
using CiBridge.Sandbox.ApiServer.Http;
using KubeLabelSelector = CiBridge.Kubernetes.Models.LabelSelector;
using KubeLabelSelectorRequirement = CiBridge.Kubernetes.Models.LabelSelectorRequirement;

namespace CiBridge.Sandbox.ApiServer.Selectors;

/// <summary>
/// Label selectors from requests, through the runtime's <see cref="LabelSelectorMatcher"/> (one
/// implementation for both): a malformed selector is a 400 BadRequest with kube's wording.
/// </summary>
internal static class LabelSelectors
{
    /// <summary>The <c>labelSelector</c> query parameter.</summary>
    public static LabelSelectorMatcher Parse(string? text) => Checked(() => LabelSelectorMatcher.Parse(text));

    /// <summary>A stored <c>metav1.LabelSelector</c> (matchLabels and matchExpressions), for example a webhook's objectSelector.</summary>
    public static LabelSelectorMatcher FromObject(JsonObject? selector)
    {
        if (selector is null) return LabelSelectorMatcher.Everything;
        var model = new KubeLabelSelector
        {
            MatchLabels = (selector["matchLabels"] as JsonObject)?.ToDictionary(p => p.Key, p => p.Value?.ToString() ?? ""),
            MatchExpressions = [.. (selector["matchExpressions"] as JsonArray ?? []).OfType<JsonObject>().Select(e => new KubeLabelSelectorRequirement
            {
                Key = e["key"]?.ToString() ?? "",
                Operator = e["operator"]?.ToString() ?? "",
                Values = [.. (e["values"] as JsonArray ?? []).Select(v => v?.ToString() ?? "")],
            })],
        };
        return Checked(() => LabelSelectorMatcher.From(model));
    }

    private static LabelSelectorMatcher Checked(Func<LabelSelectorMatcher> parse)
    {
        try
        {
            return parse();
        }
        catch (FormatException e)
        {
            throw StatusObjects.BadRequest(e.Message);
        }
    }
}
