using CiBridge.Entities.Conditions;
using CiBridge.Entities.JenkinsEndpoints;
using CiBridge.Kubernetes.Models;
using CiBridge.Operator.Controllers.Shared;

namespace CiBridge.Operator.Controllers.Endpoints;

/// <summary>Writes a verification's result into the endpoint's status (Ready, Stalled, server facts, jobs).</summary>
internal static class EndpointStatusUpdate
{
    public static void Apply(JenkinsEndpoint endpoint, VerifiedServer? verified, Failure? failure, DateTimeOffset now)
    {
        var status = endpoint.Status ??= new JenkinsEndpointStatus();
        var conditions = status.Conditions ??= [];
        var generation = endpoint.Metadata.Generation;
        status.ObservedGeneration = generation;
        Kubernetes.Models.Conditions.Remove(conditions, ConditionTypes.Reconciling);
        if (verified is not null)
        {
            Kubernetes.Models.Conditions.Set(conditions, Ready(ConditionStatus.True, EndpointReasons.Verified,
                $"Jenkins {verified.Outcome.Version} accepted the credentials of \"{verified.Outcome.User}\"", generation), now);
            Kubernetes.Models.Conditions.Remove(conditions, ConditionTypes.Stalled);
            status.JenkinsVersion = verified.Outcome.Version;
            status.AuthenticatedAs = verified.Outcome.User;
            status.CrumbsRequired = verified.Outcome.CrumbsRequired;
            status.LastVerifiedTime = KubernetesTimeConverter.Truncate(now);
            if (verified.Jobs is { } jobs) SetJobs(status, jobs.Jobs, endpoint.Spec.JobDiscovery);
            if (endpoint.Spec.JobDiscovery?.Enabled == false) (status.Jobs, status.JobCount) = (null, null);
            return;
        }
        Kubernetes.Models.Conditions.Set(conditions, Ready(ConditionStatus.False, failure!.Reason, failure.Message, generation), now);
        if (failure.Stalled)
        {
            Kubernetes.Models.Conditions.Set(conditions, new Condition { Type = ConditionTypes.Stalled, Status = ConditionStatus.True, Reason = failure.Reason, Message = failure.Message, ObservedGeneration = generation }, now);
        }
        else
        {
            Kubernetes.Models.Conditions.Remove(conditions, ConditionTypes.Stalled);
        }
    }

    private static void SetJobs(JenkinsEndpointStatus status, IReadOnlyList<Jenkins.Models.JobSummary> jobs, JobDiscovery? discovery)
    {
        var limit = discovery?.Limit ?? 100;
        status.JobCount = jobs.Count;
        status.Jobs = [.. jobs.OrderBy(j => j.FullName, StringComparer.Ordinal).Take(limit)
            .Select(j => new DiscoveredJob { FullName = j.FullName, Type = j.Class, Url = j.Url?.ToString() })];
    }

    private static Condition Ready(string status, string reason, string message, long? generation) =>
        new() { Type = ConditionTypes.Ready, Status = status, Reason = reason, Message = message, ObservedGeneration = generation };
}
