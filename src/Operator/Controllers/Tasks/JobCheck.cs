using CiBridge.Entities.Conditions;
using CiBridge.Entities.Validation;
using CiBridge.Jenkins.Models;
using CiBridge.Operator.Controllers.Shared;

namespace CiBridge.Operator.Controllers.Tasks;

/// <summary>
/// Checks that the job accepts what we would send: Jenkins silently drops undeclared parameters
/// and fails a choice outside its list, so both are caught here with a message that names them.
/// </summary>
internal static class JobCheck
{
    public static Failure? Check(JenkinsJob job, IReadOnlyDictionary<string, string> values)
    {
        if (job.IsFolder) return Failure.NeedsUser(TaskReasons.JobIsFolder, $"\"{job.FullName}\" is a folder in Jenkins, not a job: name a job inside it");
        // Someone may enable the job in Jenkins, which no watch reports: retried with back-off.
        if (!job.Buildable) return Failure.Transient(TaskReasons.JobDisabled, $"job \"{job.FullName}\" is disabled in Jenkins");
        var problems = new List<string>();
        foreach (var (name, value) in values)
        {
            var definition = job.Parameters.FirstOrDefault(p => p.Name == name);
            if (definition is null)
            {
                problems.Add($"{name} is not a parameter of the job");
            }
            else if (definition.Choices.Count > 0 && !definition.Choices.Contains(value))
            {
                problems.Add($"{name} must be one of {string.Join(", ", definition.Choices)}");
            }
        }
        if (problems.Count == 0) return null;
        var declared = job.Parameters.Where(p => p.Name != CiTaskValidator.RunIdParameter).Select(p => p.Name);
        return Failure.NeedsUser(TaskReasons.InvalidParameters,
            $"job \"{job.FullName}\" does not accept these parameters: {string.Join("; ", problems)} (it declares: {string.Join(", ", declared)})");
    }
}
