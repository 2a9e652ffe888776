using CiBridge.Entities.Conditions;
using CiBridge.Entities.JenkinsEndpoints;
using CiBridge.Kubernetes.Models;

namespace CiBridge.Operator.Cli.Cluster;

/// <summary>An endpoint's verdict as the Endpoints page shows it after "Verify": who, which Jenkins, how many jobs; or why not, and what to fix.</summary>
internal static class EndpointVerdict
{
    public static string Describe(JenkinsEndpoint endpoint)
    {
        var status = endpoint.Status;
        var ready = Conditions.Find(status?.Conditions, ConditionTypes.Ready);
        var name = $"jenkinsendpoint/{endpoint.Metadata.Name}";
        if (Conditions.IsTrue(status?.Conditions, ConditionTypes.Ready))
        {
            var jobs = status!.JobCount is { } count ? $" with {count} job{(count == 1 ? "" : "s")}" : "";
            return $"{name} verified as user \"{status.AuthenticatedAs}\" on Jenkins {status.JenkinsVersion}{jobs}";
        }
        var reason = ready?.Reason ?? "Unknown";
        var fix = Fix(reason, endpoint);
        return $"{name} not ready: {reason}: {ready?.Message}" + (fix is null ? "" : $"\nto fix: {fix}");
    }

    /// <summary>What the user can do about each Ready reason (docs/operator.md has the same table).</summary>
    private static string? Fix(string reason, JenkinsEndpoint endpoint)
    {
        var secret = $"Secret \"{endpoint.Spec.CredentialsSecretRef.Name}\"";
        return reason switch
        {
            EndpointReasons.InvalidSpec => "correct the spec field the message names",
            EndpointReasons.ProviderNotApproved => "ask the operator's administrator to approve JenkinsEndpoint",
            EndpointReasons.SecretNotFound => $"create {secret} with the keys username and token (or password)",
            EndpointReasons.InvalidSecret => $"correct the key of {secret} that the message names",
            EndpointReasons.CaBundleNotFound => "create the CA bundle that spec.caBundle names, or correct the reference",
            EndpointReasons.Unreachable => "check spec.url (or urls.apiUrl), spec.proxyUrl and the network path; the operator keeps retrying",
            EndpointReasons.TlsError => "trust the server's certificate authority with spec.caBundle",
            EndpointReasons.AuthenticationFailed => $"put a valid user name and API token (or password) into {secret}; a rotated token must be updated there",
            EndpointReasons.Forbidden => "grant the Jenkins user Overall/Read (and Job/Build for the jobs it triggers)",
            EndpointReasons.NotJenkins => "point spec.url at the Jenkins root, path prefix included",
            EndpointReasons.ReconciliationFailed => "read the operator's log; it retries with back-off",
            _ => null,
        };
    }
}
