using CiBridge.Entities;
using CiBridge.Entities.CiTasks;
using CiBridge.Entities.Conditions;
using CiBridge.Entities.JenkinsEndpoints;
using CiBridge.Operator.Controllers.Shared;

namespace CiBridge.Operator.Controllers.Tasks;

/// <summary>
/// Which endpoint a CiTask runs on. A run under way (recorded, not finished) stays on the endpoint
/// recorded in <c>status.endpoint</c> when it started, so moving the default annotation or editing
/// <c>spec.endpointRef</c> mid-run never makes the operator look for the build on another server.
/// Otherwise <c>spec.endpointRef</c>, or without one the namespace's default JenkinsEndpoint: the
/// one annotated <c>cibridge.dev/is-default-endpoint: "true"</c> (StorageClass' convention).
/// </summary>
internal static class DefaultEndpoint
{
    public const string AnnotationValue = "true";

    public static bool IsDefault(JenkinsEndpoint endpoint) =>
        endpoint.Metadata.Annotations?.GetValueOrDefault(CiBridgeApi.IsDefaultEndpointAnnotation) == AnnotationValue;

    /// <summary>The endpoint name the task itself settles: the recorded one of a run under way, or spec.endpointRef; null: the default decides.</summary>
    public static string? Named(CiTask task) =>
        RunDue.IsActive(task.Status?.CurrentRun) && task.Status?.Endpoint?.Name is { Length: > 0 } recorded
            ? recorded
            : task.Spec.EndpointRef?.Name;

    /// <summary>The namespace's default among <paramref name="endpoints"/>, or the outcome that says why there is none.</summary>
    public static (string? Name, Outcome Outcome) Choose(IEnumerable<JenkinsEndpoint> endpoints, string? ns)
    {
        var defaults = endpoints.Where(IsDefault).Select(e => e.Metadata.Name!).Order(StringComparer.Ordinal).ToList();
        return defaults.Count switch
        {
            1 => (defaults[0], Outcome.Continue),
            0 => (null, Outcome.Blocked(TaskReasons.NoDefaultEndpoint,
                $"spec.endpointRef is not set and no JenkinsEndpoint in namespace \"{ns}\" is annotated {CiBridgeApi.IsDefaultEndpointAnnotation}: \"true\"; set spec.endpointRef or annotate one endpoint")),
            _ => (null, Outcome.Blocked(TaskReasons.AmbiguousDefaultEndpoint,
                $"spec.endpointRef is not set and {defaults.Count} JenkinsEndpoints in namespace \"{ns}\" are annotated {CiBridgeApi.IsDefaultEndpointAnnotation}: \"true\" ({string.Join(", ", defaults.Select(d => $"\"{d}\""))}); keep the annotation on one of them, or set spec.endpointRef")),
        };
    }

    /// <summary>What <c>status.endpoint</c> records for the endpoint named <paramref name="name"/>.</summary>
    public static EndpointReference Reference(string name) => new() { Kind = JenkinsEndpoint.KindName, Name = name };
}
