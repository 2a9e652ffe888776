using CiBridge.Entities;
using CiBridge.Entities.JenkinsEndpoints;

namespace CiBridge.Operator.Controllers.Endpoints;

/// <summary>
/// The <c>cibridge.dev/verify-requested-at</c> annotation (the "Verify" button): any value the
/// status does not record as handled asks for a verification now. The verdict that follows records
/// it in <c>status.lastHandledVerifyRequest</c>, in the shortened form the schema allows.
/// </summary>
internal static class VerifyRequest
{
    /// <summary>The annotation's value when it has not been answered yet, else null.</summary>
    public static string? Pending(JenkinsEndpoint endpoint)
    {
        var requested = endpoint.Metadata.Annotations?.GetValueOrDefault(CiBridgeApi.VerifyRequestedAtAnnotation);
        if (string.IsNullOrEmpty(requested)) return null;
        return EndpointStatusFit.HandledRequest(requested) == endpoint.Status?.LastHandledVerifyRequest ? null : requested;
    }

    /// <summary>Records a pending request as answered by the verdict now on <paramref name="status"/>.</summary>
    public static void MarkHandled(JenkinsEndpoint endpoint, JenkinsEndpointStatus status)
    {
        if (Pending(endpoint) is { } requested) status.LastHandledVerifyRequest = EndpointStatusFit.HandledRequest(requested);
    }
}
