namespace CiBridge.Jenkins.Models;

/// <summary>A job with what triggering needs.</summary>
/// <param name="FullName">Folder path and name, '/'-separated.</param>
/// <param name="Url">The job URL as Jenkins reports it.</param>
/// <param name="Class">The Java class (<c>_class</c>).</param>
/// <param name="Buildable">False when disabled, and for folders.</param>
/// <param name="Parameters">Parameter definitions (empty for a non-parameterized job).</param>
/// <param name="NextBuildNumber">The number the next build gets.</param>
/// <param name="LastBuildNumber">The newest build, if any.</param>
/// <param name="InQueue">Whether an item for it waits in the queue.</param>
public sealed record JenkinsJob(
    string FullName,
    Uri Url,
    string Class,
    bool Buildable,
    IReadOnlyList<JobParameter> Parameters,
    int NextBuildNumber,
    int? LastBuildNumber,
    bool InQueue)
{
    /// <summary>
    /// Whether the item holds jobs instead of running builds: a folder, an organization folder or a
    /// multibranch project (Jenkins reports all of them as not buildable, like a disabled job).
    /// </summary>
    public bool IsFolder => Class.EndsWith("Folder", StringComparison.Ordinal) || Class.EndsWith("MultiBranchProject", StringComparison.Ordinal);

    /// <summary>Whether the job declares a parameter of that name.</summary>
    public bool HasParameter(string name) => Parameters.Any(p => p.Name == name);
}
