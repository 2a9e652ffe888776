using CiBridge.Entities.CiTasks;
using CiBridge.Entities.JenkinsEndpoints;

namespace CiBridge.Entities.Validation;

/// <summary>The rules for a CiTask beyond the schema, shared by the admission webhook and the controller.</summary>
public static class CiTaskValidator
{
    /// <summary>The parameter the operator fills with the run id when the job declares it.</summary>
    public const string RunIdParameter = "CIBRIDGE_RUN_ID";

    /// <summary>The parameter the operator fills with the run's revision when the job declares it.</summary>
    public const string RevisionParameter = "CIBRIDGE_REVISION";

    public static ValidationResult Validate(CiTask task, ApprovedProviders approved)
    {
        if (task.Spec is not { } spec) return new([new("spec", "Required value")], ProviderNotApproved: false);
        var kind = spec.EndpointRef?.Kind ?? JenkinsEndpoint.KindName;
        if (!approved.IsApproved(kind))
        {
            return new([new("spec.endpointRef.kind", approved.NotApprovedMessage(kind))], ProviderNotApproved: true);
        }
        var problems = new List<ValidationProblem>();
        // No endpointRef at all: the namespace's default endpoint (always a JenkinsEndpoint) is used.
        if (spec.EndpointRef is not null && string.IsNullOrWhiteSpace(spec.EndpointRef.Name))
        {
            problems.Add(new("spec.endpointRef.name", "Required value"));
        }
        JobPathRules.Check(spec.Job, problems);
        RevisionRules.Check(spec, problems);
        ParameterRules.Check(spec.Parameters ?? [], problems);
        DurationRules.Check("spec.timeout", spec.Timeout, TimeSpan.FromSeconds(1), SpecLimits.MaxTimeout, problems);
        return new(problems, ProviderNotApproved: false);
    }
}
