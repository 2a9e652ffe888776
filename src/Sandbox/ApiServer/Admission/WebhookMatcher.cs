using System.Text.Json.Nodes;
using CiBridge.Sandbox.ApiServer.Selectors;
using CiBridge.Sandbox.ApiServer.Watch;

namespace CiBridge.Sandbox.ApiServer.Admission;

/// <summary>Whether a webhook of a ValidatingWebhookConfiguration applies: rules, namespaceSelector, objectSelector.</summary>
internal static class WebhookMatcher
{
    public static bool Matches(JsonObject webhook, AdmissionRequest request, JsonObject? namespaceObject)
    {
        var rules = webhook["rules"] as JsonArray ?? [];
        if (!rules.OfType<JsonObject>().Any(rule => RuleMatches(rule, request))) return false;
        if (!SelectorMatches(webhook["namespaceSelector"] as JsonObject, NamespaceLabels(request, namespaceObject))) return false;
        var objectSelector = webhook["objectSelector"] as JsonObject;
        return SelectorMatches(objectSelector, Labels(request.Object)) || (request.OldObject is not null && SelectorMatches(objectSelector, Labels(request.OldObject)));
    }

    private static bool RuleMatches(JsonObject rule, AdmissionRequest request)
    {
        var type = request.Type;
        var resource = request.Subresource is null ? type.Plural : $"{type.Plural}/{request.Subresource}";
        var scope = rule["scope"]?.ToString() ?? "*";
        return Contains(rule["operations"], request.Operation)
            && Contains(rule["apiGroups"], type.Group)
            && Contains(rule["apiVersions"], type.Version)
            && ResourceMatches(rule["resources"] as JsonArray ?? [], type.Plural, resource)
            && (scope == "*" || (scope == "Namespaced") == type.Namespaced);
    }

    private static bool ResourceMatches(JsonArray patterns, string plural, string resource)
    {
        foreach (var pattern in patterns.Select(p => p?.ToString() ?? ""))
        {
            if (pattern == resource || pattern == "*/*") return true;
            if (pattern == "*" && !resource.Contains('/', StringComparison.Ordinal)) return true;
            if (pattern == plural + "/*" && resource.StartsWith(plural + "/", StringComparison.Ordinal)) return true;
            if (pattern.StartsWith("*/", StringComparison.Ordinal) && resource.EndsWith(pattern[1..], StringComparison.Ordinal)) return true;
        }
        return false;
    }

    private static bool Contains(JsonNode? list, string value) =>
        (list as JsonArray ?? []).Select(v => v?.ToString()).Any(v => v == "*" || v == value);

    private static bool SelectorMatches(JsonObject? selector, IReadOnlyDictionary<string, string>? labels) =>
        selector is null || labels is null || LabelSelectors.FromObject(selector).Matches(labels);

    private static Dictionary<string, string>? NamespaceLabels(AdmissionRequest request, JsonObject? namespaceObject)
    {
        if (request.Type.Kind == "Namespace" && request.Type.Group.Length == 0) return Labels(request.Object ?? request.OldObject);
        return request.Type.Namespaced && namespaceObject is not null ? Labels(namespaceObject) : null;
    }

    private static Dictionary<string, string> Labels(JsonObject? obj) =>
        obj is null ? [] : new Dictionary<string, string>(ObjectSummary.Of(obj).Labels);
}
