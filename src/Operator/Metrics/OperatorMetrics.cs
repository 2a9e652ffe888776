using System.Diagnostics.Metrics;

namespace CiBridge.Operator.Metrics;

/// <summary>
/// What the operator itself counts: runs started and builds finished, by result. One instance per
/// host, made through the host's <see cref="IMeterFactory"/>.
/// </summary>
internal sealed class OperatorMetrics
{
    public const string MeterName = "CiBridge.Operator";

    private readonly Counter<long> _runs;
    private readonly Counter<long> _builds;

    /// <param name="meters">The host's meter factory; null gives meters of this instance alone (tests).</param>
    public OperatorMetrics(IMeterFactory? meters = null)
    {
        var meter = meters?.Create(MeterName) ?? new Meter(MeterName);
        _runs = meter.CreateCounter<long>("cibridge_runs_started_total", description: "Runs the operator triggered (or resumed).");
        _builds = meter.CreateCounter<long>("cibridge_builds_total", description: "Builds followed to their end, by Jenkins result.");
    }

    public void RunStarted() => _runs.Add(1);

    public void BuildFinished(string result) => _builds.Add(1, new KeyValuePair<string, object?>("result", result));
}
