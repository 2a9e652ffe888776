using System.Text.Json.Nodes;
using CiBridge.Sandbox.ApiServer.Storage;

namespace CiBridge.Sandbox.ApiServer.Builtins;

/// <summary>
/// kube's <c>ValidateLeaseSpec</c> (coordination.k8s.io/v1): a positive duration, no negative
/// transitions, a strategy kube knows (or a qualified name of one's own), and a preferred holder
/// only together with a strategy.
/// </summary>
internal static class LeaseRules
{
    private static readonly string[] s_strategies = ["OldestEmulationVersion"];

    public static IEnumerable<(string, string, string)> Validate(JsonObject lease)
    {
        var spec = lease["spec"] as JsonObject ?? [];
        if (JsonNumbers.AsLong(spec["leaseDurationSeconds"]) is <= 0 and var duration)
        {
            yield return Causes.Invalid("spec.leaseDurationSeconds", duration, "must be greater than 0");
        }
        if (JsonNumbers.AsLong(spec["leaseTransitions"]) is < 0 and var transitions)
        {
            yield return Causes.Invalid("spec.leaseTransitions", transitions, "must be greater than or equal to 0");
        }
        var strategy = spec["strategy"]?.ToString();
        if (strategy is not null)
        {
            foreach (var error in Strategy(strategy)) yield return error;
        }
        if (spec["preferredHolder"]?.ToString() is { Length: > 0 } && strategy is null or "")
        {
            yield return Causes.Forbidden("spec.preferredHolder", "may only be specified if `strategy` is defined");
        }
    }

    // kube builds this path from spec.strategy plus "strategy" once more; the sandbox reports the same path.
    private static IEnumerable<(string, string, string)> Strategy(string strategy)
    {
        const string field = "spec.strategy.strategy";
        if (!strategy.Contains('/', StringComparison.Ordinal))
        {
            if (!s_strategies.Contains(strategy)) yield return Causes.NotSupported(field, strategy, s_strategies);
            yield break;
        }
        foreach (var error in NameValidationCauses.QualifiedName(field, strategy)) yield return error;
    }
}
