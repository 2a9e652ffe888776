using CiBridge.Kubernetes.Models;

namespace CiBridge.Entities.JenkinsEndpoints;

/// <summary>
/// Shortens what the server reported about itself (its version header, the user it authenticated)
/// to the status schema's limits, so a long answer cannot fail the status write on every retry.
/// </summary>
public static class EndpointStatusFit
{
    public static void Apply(JenkinsEndpointStatus status)
    {
        status.JenkinsVersion = SchemaText.FitOptional(status.JenkinsVersion, JenkinsEndpointStatus.MaxVersionLength);
        status.AuthenticatedAs = SchemaText.FitOptional(status.AuthenticatedAs, JenkinsEndpointStatus.MaxUserLength);
    }
}
