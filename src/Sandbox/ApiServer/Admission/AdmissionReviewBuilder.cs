using System.Text.Json.Nodes;

namespace CiBridge.Sandbox.ApiServer.Admission;

/// <summary>Builds the <c>admission.k8s.io/v1 AdmissionReview</c> request a webhook receives.</summary>
internal static class AdmissionReviewBuilder
{
    public static JsonObject Build(AdmissionRequest request, string uid)
    {
        var type = request.Type;
        var kind = new JsonObject { ["group"] = type.Group, ["version"] = type.Version, ["kind"] = type.Kind };
        var resource = new JsonObject { ["group"] = type.Group, ["version"] = type.Version, ["resource"] = type.Plural };
        var body = new JsonObject
        {
            ["uid"] = uid,
            ["kind"] = kind,
            ["resource"] = resource,
            ["requestKind"] = kind.DeepClone(),
            ["requestResource"] = resource.DeepClone(),
            ["name"] = request.Name,
            ["operation"] = request.Operation,
            ["userInfo"] = new JsonObject
            {
                ["username"] = "sandbox-admin",
                ["groups"] = new JsonArray("system:masters", "system:authenticated"),
            },
            ["object"] = request.Object?.DeepClone(),
            ["oldObject"] = request.OldObject?.DeepClone(),
            ["dryRun"] = request.DryRun,
            ["options"] = new JsonObject
            {
                ["kind"] = request.Operation switch { "CREATE" => "CreateOptions", "UPDATE" => "UpdateOptions", _ => "DeleteOptions" },
                ["apiVersion"] = "meta.k8s.io/v1",
            },
        };
        if (request.Subresource is not null)
        {
            body["subResource"] = request.Subresource;
            body["requestSubResource"] = request.Subresource;
        }
        if (request.Namespace is not null) body["namespace"] = request.Namespace;
        return new JsonObject { ["apiVersion"] = "admission.k8s.io/v1", ["kind"] = "AdmissionReview", ["request"] = body };
    }
}
