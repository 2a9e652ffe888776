using System.Diagnostics.Metrics;

namespace CiBridge.Operator.Metrics;

/// <summary>What the operator itself counts: runs started and builds finished, by result.</summary>
internal static class OperatorMetrics
{
    public const string MeterName = "CiBridge.Operator";

    private static readonly Meter s_meter = new(MeterName);
    private static readonly Counter<long> s_runs = s_meter.CreateCounter<long>("cibridge_runs_started_total", description: "Runs the operator triggered (or resumed).");
    private static readonly Counter<long> s_builds = s_meter.CreateCounter<long>("cibridge_builds_total", description: "Builds followed to their end, by Jenkins result.");

    public static void RunStarted() => s_runs.Add(1);

    public static void BuildFinished(string result) => s_builds.Add(1, new KeyValuePair<string, object?>("result", result));
}
