using CiBridge.Entities.CiTasks;
using CiBridge.Entities.JenkinsEndpoints;

namespace CiBridge.Entities.Validation;

/// <summary>The rules for a CiTask beyond the schema, shared by the admission webhook and the controller.</summary>
public static class CiTaskValidator
{
    /// <summary>The parameter the operator fills with the run id when the job declares it.</summary>
    public const string RunIdParameter = "CIBRIDGE_RUN_ID";

    public static ValidationResult Validate(CiTask task, ApprovedProviders approved)
    {
        var spec = task.Spec;
        var kind = spec.EndpointRef?.Kind ?? JenkinsEndpoint.KindName;
        if (!approved.IsApproved(kind))
        {
            return new([new("spec.endpointRef.kind", approved.NotApprovedMessage(kind))], ProviderNotApproved: true);
        }
        var problems = new List<ValidationProblem>();
        if (string.IsNullOrWhiteSpace(spec.EndpointRef?.Name))
        {
            problems.Add(new("spec.endpointRef.name", "Required value"));
        }
        JobPathRules.Check(spec.Job, problems);
        ParameterRules.Check(spec.Parameters ?? [], problems);
        DurationRules.Check("spec.timeout", spec.Timeout, TimeSpan.FromSeconds(1), SpecLimits.MaxTimeout, problems);
        return new(problems, ProviderNotApproved: false);
    }
}
