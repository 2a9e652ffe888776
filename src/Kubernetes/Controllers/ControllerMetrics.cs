using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using CiBridge.Kubernetes.Queue;

namespace CiBridge.Kubernetes.Controllers;

/// <summary>
/// controller-runtime's controller metrics, as System.Diagnostics.Metrics instruments: reconciles
/// by result, their duration, errors, and the depth of each work queue.
/// </summary>
public static class ControllerMetrics
{
    public const string MeterName = "CiBridge.Kubernetes.Controllers";

    private static readonly Meter s_meter = new(MeterName);
    private static readonly ConcurrentDictionary<string, IRateLimitingQueue<ObjectKey>> s_queues = new();

    private static readonly Counter<long> s_reconciles = s_meter.CreateCounter<long>("controller_reconcile_total", description: "Reconciles by controller and result.");
    private static readonly Counter<long> s_errors = s_meter.CreateCounter<long>("controller_reconcile_errors_total", description: "Reconciles that failed (retried or terminal).");
    private static readonly Histogram<double> s_duration = s_meter.CreateHistogram<double>("controller_reconcile_time_seconds", "s", "Time a reconcile took.");

    static ControllerMetrics()
    {
        s_meter.CreateObservableGauge("workqueue_depth", () => s_queues.Select(q => new Measurement<int>(q.Value.Count, new KeyValuePair<string, object?>("controller", q.Key))),
            description: "Keys waiting in each controller's queue.");
    }

    internal static void Track(string controller, IRateLimitingQueue<ObjectKey> queue) => s_queues[controller] = queue;

    internal static void Reconciled(string controller, ReconcileResult result, TimeSpan elapsed)
    {
        var outcome = result switch
        {
            ReconcileResult.RetryResult => "error",
            ReconcileResult.TerminalResult => "terminal_error",
            ReconcileResult.AfterResult => "requeue_after",
            _ => "success",
        };
        var tag = new KeyValuePair<string, object?>("controller", controller);
        s_reconciles.Add(1, tag, new KeyValuePair<string, object?>("result", outcome));
        if (outcome.EndsWith("error", StringComparison.Ordinal)) s_errors.Add(1, tag);
        s_duration.Record(elapsed.TotalSeconds, tag);
    }
}
