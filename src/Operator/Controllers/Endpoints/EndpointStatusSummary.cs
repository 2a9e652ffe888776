using CiBridge.Entities.Conditions;
using CiBridge.Entities.JenkinsEndpoints;
using CiBridge.Kubernetes.Models;
using CiBridge.Operator.Controllers.Shared;

namespace CiBridge.Operator.Controllers.Endpoints;

/// <summary>
/// The JenkinsEndpoint summary function: <c>Ready</c> says whether the last verification
/// succeeded (or which step stopped it), <c>Stalled</c> is present when only the user can help,
/// <c>Reconciling</c> is never left behind. A reconcile that did not verify (not due) changes nothing;
/// one that reached a verdict (verified, or stopped by any step) also answers a pending verify request.
/// </summary>
internal static class EndpointStatusSummary
{
    public static void Apply(JenkinsEndpoint endpoint, Outcome outcome, DateTimeOffset now)
    {
        if (endpoint.Status is { } reported) EndpointStatusFit.Apply(reported);
        if (outcome.Kind is OutcomeKind.After or OutcomeKind.Continue) return;
        var status = endpoint.Status ??= new JenkinsEndpointStatus();
        var conditions = status.Conditions ??= [];
        var generation = endpoint.Metadata.Generation;
        status.ObservedGeneration = generation;
        var (ready, reason, message) = outcome.IsProblem
            ? (ConditionStatus.False, outcome.Reason, outcome.Message)
            : (ConditionStatus.True, EndpointReasons.Verified, $"Jenkins {status.JenkinsVersion} accepted the credentials of \"{status.AuthenticatedAs}\"");
        Conditions.Set(conditions, ConditionTypes.Ready, ready, reason, message, generation, now);
        Conditions.Remove(conditions, ConditionTypes.Reconciling);
        Conditions.SetOrRemove(conditions, ConditionTypes.Stalled, outcome.Kind == OutcomeKind.Stalled, reason, message, generation, now);
        VerifyRequest.MarkHandled(endpoint, status);
    }
}
