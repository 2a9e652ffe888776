using CiBridge.Kubernetes.Models;

namespace CiBridge.Entities.JenkinsEndpoints;

/// <summary>
/// Shortens what the server reported about itself (its version header, the user it authenticated)
/// and the verify request a user annotated to the status schema's limits, so a long value cannot
/// fail the status write on every retry.
/// </summary>
public static class EndpointStatusFit
{
    public static void Apply(JenkinsEndpointStatus status)
    {
        status.JenkinsVersion = SchemaText.FitOptional(status.JenkinsVersion, JenkinsEndpointStatus.MaxVersionLength);
        status.AuthenticatedAs = SchemaText.FitOptional(status.AuthenticatedAs, JenkinsEndpointStatus.MaxUserLength);
        if (status.LastHandledVerifyRequest is { } request) status.LastHandledVerifyRequest = HandledRequest(request);
    }

    /// <summary>How a verify request value is recorded in <see cref="JenkinsEndpointStatus.LastHandledVerifyRequest"/>; compare against this.</summary>
    public static string HandledRequest(string requestValue) =>
        SchemaText.FitDistinct(requestValue, JenkinsEndpointStatus.MaxVerifyRequestLength);
}
