using System.Text.Json.Nodes;

namespace CiBridge.Operator.Tests.Health;

/// <summary>
/// kstatus' generic rules (kubernetes-sigs/cli-utils pkg/kstatus/status, which Flux uses for
/// <c>wait: true</c> and <c>healthChecks</c> on custom resources) applied to the status fixtures.
/// The verdicts document what Flux will conclude about our objects.
/// </summary>
public sealed class KstatusTests
{
    [Theory]
    [InlineData("citask-queued", "InProgress")]
    [InlineData("citask-running", "InProgress")]
    [InlineData("citask-retrying", "InProgress")]
    [InlineData("citask-new-generation", "InProgress")]
    [InlineData("citask-succeeded", "Current")]
    [InlineData("citask-stalled", "Failed")]
    // A finished failed run is reconciled as far as kstatus goes (no Stalled, no Reconciling):
    // docs/gitops.md shows the healthCheckExprs that make Flux treat Ready=False as failed.
    [InlineData("citask-failed", "Current")]
    [InlineData("citask-timed-out", "Current")]
    [InlineData("citask-endpoint-not-ready", "Current")]
    [InlineData("citask-deleted-endpoint", "Current")]
    [InlineData("endpoint-verified", "Current")]
    [InlineData("endpoint-unreachable", "Current")]
    [InlineData("endpoint-auth-failed", "Failed")]
    [InlineData("endpoint-not-approved", "Failed")]
    [InlineData("endpoint-new-generation", "InProgress")]
    public void GenericRules_GiveTheExpectedVerdict(string fixture, string expected) =>
        Assert.Equal(expected, Compute(StatusFixtures.Load(fixture)));

    [Fact]
    public void EveryRunUnderWayCarriesReconciling_SoFluxWaitsForIt()
    {
        foreach (var fixture in new[] { "citask-queued", "citask-running", "citask-retrying" })
        {
            var conditions = StatusFixtures.Load(fixture)["status"]!["conditions"]!.AsArray();
            Assert.Contains(conditions, c => c!["type"]!.GetValue<string>() == "Reconciling" && c["status"]!.GetValue<string>() == "True");
        }
    }

    /// <summary>
    /// The rules in order: deletionTimestamp → Terminating; status.observedGeneration present and
    /// different from metadata.generation → InProgress; Reconciling=True → InProgress;
    /// Stalled=True → Failed; otherwise a custom resource is Current.
    /// </summary>
    private static string Compute(JsonNode obj)
    {
        if (obj["metadata"]!["deletionTimestamp"] is not null) return "Terminating";
        var status = obj["status"];
        if (status?["observedGeneration"] is { } observed && observed.GetValue<long>() != obj["metadata"]!["generation"]!.GetValue<long>()) return "InProgress";
        foreach (var condition in status?["conditions"]?.AsArray() ?? [])
        {
            var (type, value) = (condition!["type"]!.GetValue<string>(), condition["status"]!.GetValue<string>());
            if (type == "Reconciling" && value == "True") return "InProgress";
            if (type == "Stalled" && value == "True") return "Failed";
        }
        return "Current";
    }
}
