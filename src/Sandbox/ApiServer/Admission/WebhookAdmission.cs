using System.Text.Json.Nodes;
using CiBridge.Sandbox.ApiServer.Http;
using CiBridge.Sandbox.ApiServer.Resources;
using CiBridge.Sandbox.ApiServer.Storage;

namespace CiBridge.Sandbox.ApiServer.Admission;

/// <summary>
/// Validating admission through the stored ValidatingWebhookConfigurations, as kube-apiserver
/// runs them: every matching webhook is called with an AdmissionReview; a denial or (with
/// failurePolicy Fail) a failed call rejects the request.
/// </summary>
internal sealed class WebhookAdmission(ObjectStore store, WebhookClient client) : IAdmission
{
    public async Task AdmitAsync(AdmissionRequest request, CancellationToken ct)
    {
        if (request.Type.Group == "admissionregistration.k8s.io") return;
        var configurations = store.List(BuiltinResources.ValidatingWebhooks.StorageKey, null).Items;
        if (configurations.Count == 0) return;
        var ns = request.Namespace is null ? null : store.Get(BuiltinResources.Namespaces.StorageKey, null, request.Namespace);
        foreach (var webhook in configurations.SelectMany(c => c["webhooks"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (!WebhookMatcher.Matches(webhook, request, ns)) continue;
            await CallAsync(webhook, request, ct);
        }
    }

    private async Task CallAsync(JsonObject webhook, AdmissionRequest request, CancellationToken ct)
    {
        var name = webhook["name"]?.ToString() ?? "";
        if (request.DryRun && webhook["sideEffects"]?.ToString() is not ("None" or "NoneOnDryRun"))
        {
            throw StatusObjects.BadRequest($"admission webhook \"{name}\" does not support dry run");
        }
        JsonObject? response;
        try
        {
            response = await client.ReviewAsync(webhook, AdmissionReviewBuilder.Build(request, Guid.NewGuid().ToString()), ct);
        }
        catch (WebhookCallException e)
        {
            if (webhook["failurePolicy"]?.ToString() == "Ignore") return;
            throw new ApiException(500, "InternalError", $"Internal error occurred: failed calling webhook \"{name}\": {e.Message}");
        }
        if (JsonNumbers.AsBool(response?["allowed"]) == true) return;
        throw Denied(name, response?["status"] as JsonObject);
    }

    private static ApiException Denied(string name, JsonObject? status)
    {
        var deniedBy = $"admission webhook \"{name}\" denied the request";
        var message = status?["message"]?.ToString() is { Length: > 0 } m ? $"{deniedBy}: {m}"
            : status?["reason"]?.ToString() is { Length: > 0 } r ? $"{deniedBy}: {r}"
            : $"{deniedBy} without explanation";
        var code = (int)(JsonNumbers.AsLong(status?["code"]) ?? 0);
        return new ApiException(code < 400 ? 400 : code, status?["reason"]?.ToString() ?? "", message, status?["details"]?.DeepClone() as JsonObject);
    }
}
