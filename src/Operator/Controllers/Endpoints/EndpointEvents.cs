using CiBridge.Entities.Conditions;
using CiBridge.Entities.JenkinsEndpoints;
using CiBridge.Kubernetes.Events;
using CiBridge.Kubernetes.Models;

namespace CiBridge.Operator.Controllers.Endpoints;

/// <summary>One Event per change of the Ready reason that a status write made: Normal when verified, a Warning otherwise.</summary>
internal static class EndpointEvents
{
    public static void Emit(IEventRecorder events, JenkinsEndpoint before, JenkinsEndpoint after)
    {
        var old = Conditions.Find(before.Status?.Conditions, ConditionTypes.Ready);
        var now = Conditions.Find(after.Status?.Conditions, ConditionTypes.Ready);
        if (now is null || now.Reason == old?.Reason) return;
        if (now.Reason == EndpointReasons.Verified)
        {
            events.Record(after, EventTypes.Normal, now.Reason, $"Verified {after.Spec.Url} as user \"{after.Status?.AuthenticatedAs}\" (Jenkins {after.Status?.JenkinsVersion})");
        }
        else
        {
            events.Record(after, EventTypes.Warning, now.Reason, now.Message);
        }
    }
}
