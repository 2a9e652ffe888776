using CiBridge.Sandbox.Jenkins.Model;

namespace CiBridge.Chaos.Tests;

/// <summary>
/// Builds due against builds the Jenkins stand-in recorded, per <see cref="BuildKey"/>: a key with
/// more builds than runs due counts the extra ones as duplicates, one with fewer counts the
/// missing ones as lost runs. The stand-in's record is the truth, whatever the operator believed.
/// </summary>
internal sealed class BuildLedger(IEnumerable<TaskPlan> plans, IReadOnlyList<ReceivedBuild> builds)
{
    private readonly Dictionary<BuildKey, int> _due = plans.SelectMany(p => p.DueBuilds()).GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());

    private readonly Dictionary<BuildKey, int> _received = builds.Where(b => b.JobPath.StartsWith("chaos/", StringComparison.Ordinal))
        .GroupBy(KeyOf).ToDictionary(g => g.Key, g => g.Count());

    public int Runs => _due.Values.Sum();

    public int Builds => _received.Values.Sum();

    public int Duplicates => _received.Sum(r => Math.Max(0, r.Value - _due.GetValueOrDefault(r.Key)));

    public int Lost => _due.Sum(d => Math.Max(0, d.Value - _received.GetValueOrDefault(d.Key)));

    /// <summary>The keys whose count is off, for the failure message.</summary>
    public IEnumerable<string> Mismatches() =>
        MismatchedKeys().Select(k => $"{k}: due {_due.GetValueOrDefault(k)}, built {_received.GetValueOrDefault(k)}");

    public IEnumerable<BuildKey> MismatchedKeys() =>
        _due.Keys.Union(_received.Keys).Where(k => _due.GetValueOrDefault(k) != _received.GetValueOrDefault(k));

    public static BuildKey KeyOf(ReceivedBuild build) =>
        new(build.JobPath, build.Parameters.GetValueOrDefault("TASK", ""), build.Parameters.GetValueOrDefault("REV", ""));
}
