using System.Text.Json;
using CiBridge.Entities;
using CiBridge.Entities.CiTasks;
using CiBridge.Entities.JenkinsEndpoints;
using CiBridge.Entities.Validation;
using CiBridge.Operator.Configuration;

namespace CiBridge.Operator.Webhooks;

/// <summary>
/// Decides an AdmissionReview for CiBridge's kinds with the same validator the controllers use.
/// Objects on their way out (DELETE, or a deletionTimestamp already set) are always let through,
/// so withdrawing an approval can never trap an object behind its finalizer.
/// </summary>
/// <param name="approved">The installation's approved kinds (changes apply at once).</param>
/// <param name="refused">The installation's refused networks; null: the built-in list.</param>
internal sealed class AdmissionValidator(ApprovedProviderList approved, RefusedNetworks? refused = null)
{
    public AdmissionResponse Review(AdmissionRequest request)
    {
        if (request.Operation is not ("CREATE" or "UPDATE") || request.Object is not { } obj) return Allow(request);
        if (request.Kind?.Group != CiBridgeApi.Group) return Allow(request);
        try
        {
            var result = request.Kind.Kind switch
            {
                JenkinsEndpoint.KindName => ValidateEndpoint(obj),
                CiTask.KindName => ValidateTask(obj),
                _ => null,
            };
            return result is null || result.IsValid ? Allow(request) : Deny(request, result);
        }
        catch (JsonException e)
        {
            // e.Message names .NET types; the path ("$.spec.retries") is what the user needs.
            var field = e.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "object";
            return Deny(request, 422, "Invalid", $"{field}: the value does not have the type the {request.Kind.Kind} schema declares");
        }
#pragma warning disable CA1031 // a webhook that throws answers 500 and blocks every write of the kind: deny instead
        catch (Exception)
#pragma warning restore CA1031
        {
            return Deny(request, 422, "Invalid", $"object: the {request.Kind.Kind} could not be validated; check that spec and metadata are objects");
        }
    }

    private ValidationResult? ValidateEndpoint(JsonElement obj)
    {
        var endpoint = obj.Deserialize(EntitiesJsonContext.Default.JenkinsEndpoint);
        if (endpoint is { Metadata: null }) return new([new("metadata", "Required value")], ProviderNotApproved: false);
        return endpoint is null || endpoint.Metadata.DeletionTimestamp is not null ? null : JenkinsEndpointValidator.Validate(endpoint, approved.Current, refused);
    }

    private ValidationResult? ValidateTask(JsonElement obj)
    {
        var task = obj.Deserialize(EntitiesJsonContext.Default.CiTask);
        if (task is { Metadata: null }) return new([new("metadata", "Required value")], ProviderNotApproved: false);
        return task is null || task.Metadata.DeletionTimestamp is not null ? null : CiTaskValidator.Validate(task, approved.Current);
    }

    private static AdmissionResponse Allow(AdmissionRequest request) => new() { Uid = request.Uid, Allowed = true };

    private static AdmissionResponse Deny(AdmissionRequest request, ValidationResult result) =>
        result.ProviderNotApproved
            ? Deny(request, 403, "Forbidden", result.Summary)
            : Deny(request, 422, "Invalid", result.Summary);

    private static AdmissionResponse Deny(AdmissionRequest request, int code, string reason, string message) => new()
    {
        Uid = request.Uid,
        Allowed = false,
        Status = new AdmissionStatus { Code = code, Reason = reason, Message = message },
    };
}
