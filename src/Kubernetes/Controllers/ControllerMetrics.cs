using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using CiBridge.Kubernetes.Queue;

namespace CiBridge.Kubernetes.Controllers;

/// <summary>
/// controller-runtime's controller metrics, as System.Diagnostics.Metrics instruments: reconciles
/// by result, their duration, errors, and the depth of each work queue. One instance per host,
/// created through the host's <see cref="IMeterFactory"/>, so two hosts in one process (tests)
/// never mix their counts.
/// </summary>
public sealed class ControllerMetrics : IDisposable
{
    public const string MeterName = "CiBridge.Kubernetes.Controllers";

    private readonly Meter _meter;
    private readonly ConcurrentDictionary<string, IRateLimitingQueue<ObjectKey>> _queues = new();
    private readonly Counter<long> _reconciles;
    private readonly Counter<long> _errors;
    private readonly Histogram<double> _duration;

    /// <param name="meters">The host's meter factory; null gives meters of this instance alone (tests).</param>
    public ControllerMetrics(IMeterFactory? meters = null)
    {
        _meter = meters?.Create(MeterName) ?? new Meter(MeterName);
        _reconciles = _meter.CreateCounter<long>("controller_reconcile_total", description: "Reconciles by controller and result.");
        _errors = _meter.CreateCounter<long>("controller_reconcile_errors_total", description: "Reconciles that failed (retried or terminal).");
        _duration = _meter.CreateHistogram<double>("controller_reconcile_time_seconds", "s", "Time a reconcile took.");
        _meter.CreateObservableGauge("workqueue_depth",
            () => _queues.Select(q => new Measurement<int>(q.Value.Count, new KeyValuePair<string, object?>("controller", q.Key))),
            description: "Keys waiting in each controller's queue.");
    }

    /// <summary>The meter behind the instruments (a listener can tell hosts apart by its <see cref="Meter.Scope"/>).</summary>
    public Meter Meter => _meter;

    public void Dispose() => _meter.Dispose();

    internal void Track(string controller, IRateLimitingQueue<ObjectKey> queue) => _queues[controller] = queue;

    internal void Reconciled(string controller, ReconcileResult result, TimeSpan elapsed)
    {
        var outcome = result switch
        {
            ReconcileResult.RetryResult => "error",
            ReconcileResult.TerminalResult => "terminal_error",
            ReconcileResult.AfterResult => "requeue_after",
            _ => "success",
        };
        var tag = new KeyValuePair<string, object?>("controller", controller);
        _reconciles.Add(1, tag, new KeyValuePair<string, object?>("result", outcome));
        if (outcome.EndsWith("error", StringComparison.Ordinal)) _errors.Add(1, tag);
        _duration.Record(elapsed.TotalSeconds, tag);
    }
}
