using CiBridge.Kubernetes.Queue;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CiBridge.Kubernetes.Controllers;

/// <summary>A reconciler fed by a rate-limited work queue of keys.</summary>
public interface IController
{
    string Name { get; }

    /// <summary>Where event handlers put keys (see <see cref="Cache.EventHandlers"/>).</summary>
    IRateLimitingQueue<ObjectKey> Queue { get; }

    /// <summary>Runs the workers until <paramref name="ct"/> is cancelled, then drains.</summary>
    Task RunAsync(CancellationToken ct);
}

/// <summary>
/// The worker loop of controller-runtime's <c>internal/controller</c>: take a key, reconcile it,
/// then forget, requeue after a delay, or retry with back-off as the <see cref="ReconcileResult"/>
/// says. Exceptions are caught and retried. On shutdown no new key is taken; reconciles already
/// running may finish within <see cref="ControllerOptions.DrainTimeout"/>.
/// </summary>
public sealed partial class Controller : IController
{
    private readonly IReconciler _reconciler;
    private readonly ControllerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ControllerMetrics _metrics;
    private volatile bool _stopping;

    /// <param name="reconciler">Drives one object at a time.</param>
    /// <param name="options">Name, workers, rate limiter.</param>
    /// <param name="time">Clock of the queue's delays.</param>
    /// <param name="logger">Where retries and terminal errors are logged.</param>
    /// <param name="metrics">The host's controller metrics; null counts into an instance nobody reads.</param>
    public Controller(IReconciler reconciler, ControllerOptions options, TimeProvider time, ILogger? logger = null, ControllerMetrics? metrics = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Workers, 1);
        _reconciler = reconciler;
        _options = options;
        _time = time;
        _logger = logger ?? NullLogger.Instance;
        _metrics = metrics ?? new ControllerMetrics();
        Queue = WorkQueue.Create(time, options.RateLimiter ?? RateLimiters.DefaultController<ObjectKey>(time));
        _metrics.Track(options.Name, Queue);
    }

    public string Name => _options.Name;

    public IRateLimitingQueue<ObjectKey> Queue { get; }

    public async Task RunAsync(CancellationToken ct)
    {
        using var reconcileCts = new CancellationTokenSource(Timeout.InfiniteTimeSpan, _time);
        LogStarting(_logger, Name, _options.Workers);
        var workers = Enumerable.Range(0, _options.Workers)
            .Select(_ => Task.Run(() => WorkAsync(reconcileCts.Token), CancellationToken.None))
            .ToArray();
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (ct.Register(() =>
        {
            // Synchronously with the cancellation: no worker takes a new key after this point.
            _stopping = true;
            Queue.ShutDown();
            stopped.TrySetResult();
        }))
        {
            await stopped.Task;
        }
        reconcileCts.CancelAfter(_options.DrainTimeout);
        await Task.WhenAll(workers);
        LogStopped(_logger, Name);
    }

    private async Task WorkAsync(CancellationToken ct)
    {
        while (!_stopping)
        {
            var (key, shuttingDown) = await Queue.GetAsync(CancellationToken.None);
            if (shuttingDown) return;
            try
            {
                if (_stopping) return;
                await ReconcileOneAsync(key, ct);
            }
            finally
            {
                Queue.Done(key);
            }
        }
    }

    private async Task ReconcileOneAsync(ObjectKey key, CancellationToken ct)
    {
        ReconcileResult result;
        var started = _time.GetTimestamp();
        try
        {
            result = await _reconciler.ReconcileAsync(key, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e)
        {
            result = ReconcileResult.Retry(e);
        }
        _metrics.Reconciled(Name, result, _time.GetElapsedTime(started));
        Apply(key, result);
    }

    private void Apply(ObjectKey key, ReconcileResult result)
    {
        switch (result)
        {
            case ReconcileResult.AfterResult after:
                Queue.Forget(key);
                Queue.AddAfter(key, after.Delay);
                break;
            case ReconcileResult.RetryResult retry:
                LogRetry(_logger, Name, key, Queue.NumRequeues(key), retry.Error);
                Queue.AddRateLimited(key);
                break;
            case ReconcileResult.TerminalResult terminal:
                LogTerminal(_logger, Name, key, terminal.Error);
                Queue.Forget(key);
                break;
            default:
                Queue.Forget(key);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Starting controller {Controller} with {Workers} workers")]
    private static partial void LogStarting(ILogger logger, string controller, int workers);

    [LoggerMessage(Level = LogLevel.Information, Message = "Controller {Controller} stopped")]
    private static partial void LogStopped(ILogger logger, string controller);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reconcile of {Key} by {Controller} failed (requeues so far: {Requeues}); retrying with back-off")]
    private static partial void LogRetry(ILogger logger, string controller, ObjectKey key, int requeues, Exception error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reconcile of {Key} by {Controller} failed terminally; waiting for the next change")]
    private static partial void LogTerminal(ILogger logger, string controller, ObjectKey key, Exception error);
}
