namespace CiBridge.Sandbox.Jenkins.Model;

/// <summary>How the builds of a stand-in job behave.</summary>
/// <param name="Duration">How long a build runs on the stand-in's clock.</param>
/// <param name="Result">Final result: SUCCESS, UNSTABLE, FAILURE, NOT_BUILT.</param>
/// <param name="ConsoleLines">Lines the build prints, spread evenly over its duration.</param>
/// <param name="GitRevision">When set, builds carry the git plugin's BuildData with this SHA-1.</param>
public sealed record JobBehavior(
    TimeSpan Duration,
    string Result = "SUCCESS",
    IReadOnlyList<string>? ConsoleLines = null,
    string? GitRevision = null)
{
    /// <summary>The default: one second, SUCCESS, a few lines.</summary>
    public static JobBehavior Default { get; } = new(TimeSpan.FromSeconds(1), "SUCCESS", ["+ make build", "build ok"]);
}
