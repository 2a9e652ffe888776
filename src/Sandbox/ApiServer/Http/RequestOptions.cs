using System.Text.Json.Nodes;
using CiBridge.Sandbox.ApiServer.Resources;
using Microsoft.AspNetCore.Http;

namespace CiBridge.Sandbox.ApiServer.Http;

/// <summary>
/// kube validates a write's options (<c>CreateOptions</c>, <c>UpdateOptions</c>, <c>PatchOptions</c>,
/// <c>DeleteOptions</c>) before it looks at the object: dryRun may only be <c>All</c>, apply needs a
/// fieldManager, <c>force</c> belongs to apply. Failures are 422 on the options kind.
/// </summary>
internal static class RequestOptions
{
    public static void Validate(HttpContext context, string optionsKind, bool apply = false, IEnumerable<string>? bodyDryRun = null)
    {
        var errors = new List<(string Field, string Reason, string Message)>();
        var dryRun = context.Request.Query["dryRun"].Select(v => v ?? "").Concat(bodyDryRun ?? []).ToList();
        if (dryRun.Any(v => v != "All"))
        {
            var values = string.Join(", ", dryRun.Select(v => $"\"{v}\""));
            errors.Add(("dryRun", "FieldValueNotSupported", $"Unsupported value: []string{{{values}}}: supported values: \"All\""));
        }
        if (optionsKind == "PatchOptions" && apply && string.IsNullOrEmpty(Negotiation.Query(context, "fieldManager")))
        {
            errors.Add(("fieldManager", "FieldValueRequired", "Required value: is required for apply patch"));
        }
        if (optionsKind == "PatchOptions" && !apply && context.Request.Query.ContainsKey("force"))
        {
            errors.Add(("force", "FieldValueForbidden", "Forbidden: may not be specified for non-apply patch"));
        }
        if (errors.Count > 0) throw Invalid(optionsKind, errors);
    }

    /// <summary>PUT of a kind whose strategy forbids unconditional updates, without metadata.resourceVersion.</summary>
    public static ApiException ResourceVersionRequired(ResourceType type, string name) =>
        new(422, "Invalid", $"{type.QualifiedResource} \"{name}\" is invalid: metadata.resourceVersion: Invalid value: 0x0: must be specified for an update",
            new JsonObject
            {
                ["name"] = name,
                ["group"] = type.Group,
                ["kind"] = type.Plural,
                ["causes"] = new JsonArray(Cause("metadata.resourceVersion", "FieldValueInvalid", "Invalid value: 0x0: must be specified for an update")),
            });

    private static ApiException Invalid(string optionsKind, List<(string Field, string Reason, string Message)> errors)
    {
        var summary = string.Join(", ", errors.Select(e => $"{e.Field}: {e.Message}"));
        var causes = new JsonArray([.. errors.Select(e => (JsonNode)Cause(e.Field, e.Reason, e.Message))]);
        return new ApiException(422, "Invalid", $"{optionsKind}.meta.k8s.io \"\" is invalid: {(errors.Count == 1 ? summary : $"[{summary}]")}",
            new JsonObject { ["group"] = "meta.k8s.io", ["kind"] = optionsKind, ["causes"] = causes });
    }

    private static JsonObject Cause(string field, string reason, string message) =>
        new() { ["reason"] = reason, ["message"] = message, ["field"] = field };
}
