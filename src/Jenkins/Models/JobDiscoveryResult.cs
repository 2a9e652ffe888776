namespace CiBridge.Jenkins.Models;

/// <summary>Jobs found through folders.</summary>
/// <param name="Jobs">Buildable items (folders themselves excluded), by full name.</param>
/// <param name="Truncated">True when the depth or count limit cut the listing short.</param>
public sealed record JobDiscoveryResult(IReadOnlyList<JobSummary> Jobs, bool Truncated);
