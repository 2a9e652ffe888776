namespace CiBridge.Kubernetes.Controllers;

/// <summary>
/// What a reconcile asks the controller to do next; a closed set (controller-runtime's
/// <c>reconcile.Result</c> plus <c>TerminalError</c>):
/// <list type="bullet">
/// <item><see cref="Done"/>: the object matches its spec; wait for the next change.</item>
/// <item><see cref="After"/>: look again after a delay (polling an outside system); back-off is reset.</item>
/// <item><see cref="Retry"/>: a transient failure; retry with per-key exponential back-off.</item>
/// <item><see cref="Terminal"/>: a failure that retrying cannot fix; wait for the next change.</item>
/// </list>
/// </summary>
public abstract record ReconcileResult
{
    private ReconcileResult()
    {
    }

    public static ReconcileResult Done { get; } = new DoneResult();

    public static ReconcileResult After(TimeSpan delay) =>
        delay > TimeSpan.Zero ? new AfterResult(delay) : throw new ArgumentOutOfRangeException(nameof(delay), "must be positive");

    public static ReconcileResult Retry(Exception error) => new RetryResult(error);

    public static ReconcileResult Terminal(Exception error) => new TerminalResult(error);

    public sealed record DoneResult : ReconcileResult;

    public sealed record AfterResult(TimeSpan Delay) : ReconcileResult;

    public sealed record RetryResult(Exception Error) : ReconcileResult;

    public sealed record TerminalResult(Exception Error) : ReconcileResult;
}
