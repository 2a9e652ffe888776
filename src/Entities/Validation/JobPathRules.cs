namespace CiBridge.Entities.Validation;

/// <summary>A job path is folder names joined by single slashes, as Jenkins' full names are.</summary>
internal static class JobPathRules
{
    public static void Check(string? job, List<ValidationProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(job))
        {
            problems.Add(new("spec.job", "Required value"));
            return;
        }
        if (ControlCharacters.Describe(job, allowLineBreaks: false) is { } found)
        {
            problems.Add(new("spec.job", $"must not contain control characters (found {found}): Jenkins job names cannot hold them"));
            return;
        }
        var segments = job.Split('/');
        if (segments.Any(s => s.Length == 0 || s is "." or ".." || s.Trim() != s))
        {
            problems.Add(new("spec.job", $"\"{job}\" is not a job path: use folder and job names separated by single '/', without empty, '.' or '..' parts or surrounding spaces"));
        }
    }
}
