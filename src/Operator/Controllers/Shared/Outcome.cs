using CiBridge.Kubernetes.Controllers;

namespace CiBridge.Operator.Controllers.Shared;

/// <summary>How a reconcile step ended; see <see cref="Outcome"/>.</summary>
internal enum OutcomeKind
{
    /// <summary>Go on with the next step.</summary>
    Continue,

    /// <summary>The object is where its spec wants it (with a delay: look again then).</summary>
    Done,

    /// <summary>Come back at this time (a build to poll, a verification not due yet).</summary>
    After,

    /// <summary>Waiting for something a watch reports (an endpoint being verified): no warning.</summary>
    Waiting,

    /// <summary>Something this object depends on is not usable; its own change brings us back.</summary>
    Blocked,

    /// <summary>A transient failure: retry with the work queue's per-key back-off.</summary>
    Retry,

    /// <summary>Only the user can fix it: wait for a change (or for <see cref="Outcome.Delay"/>).</summary>
    Stalled,
}

/// <summary>
/// The typed result of a reconcile step. Every step has the same signature and returns one of
/// these; the first that is not <see cref="OutcomeKind.Continue"/> ends the reconcile, the kind's
/// summary function turns it into conditions, and <see cref="ToResult"/> into what the work queue does.
/// </summary>
internal sealed record Outcome(OutcomeKind Kind, string Reason = "", string Message = "", TimeSpan Delay = default, Exception? Error = null)
{
    public static Outcome Continue { get; } = new(OutcomeKind.Continue);

    public static Outcome Done { get; } = new(OutcomeKind.Done);

    /// <summary>Done; look again after <paramref name="delay"/> (a verified endpoint's interval).</summary>
    public static Outcome DoneUntil(TimeSpan delay) => new(OutcomeKind.Done, Delay: delay);

    public static Outcome After(TimeSpan delay) => new(OutcomeKind.After, Delay: delay);

    public static Outcome Wait(string reason, string message) => new(OutcomeKind.Waiting, reason, message);

    public static Outcome Blocked(string reason, string message) => new(OutcomeKind.Blocked, reason, message);

    public static Outcome Retry(string reason, string message, Exception? error = null) => new(OutcomeKind.Retry, reason, message, Error: error);

    /// <param name="reason">The Ready reason.</param>
    /// <param name="message">What is wrong and what to fix.</param>
    /// <param name="recheck">Look again after this long anyway (zero: only on a change).</param>
    public static Outcome Stall(string reason, string message, TimeSpan recheck = default) => new(OutcomeKind.Stalled, reason, message, recheck);

    /// <summary>The outcome of a failed check: stalled or retried, as the failure says.</summary>
    public static Outcome Of(Failure failure) =>
        failure.Stalled ? Stall(failure.Reason, failure.Message) : Retry(failure.Reason, failure.Message);

    /// <summary>Something went wrong that is not ours to name; the error is retried and counted.</summary>
    public static Outcome Failed(string reason, Exception error) => Retry(reason, error.Message, error);

    /// <summary>Something is wrong (Ready=False).</summary>
    public bool IsProblem => Kind is OutcomeKind.Blocked or OutcomeKind.Retry or OutcomeKind.Stalled;

    public ReconcileResult ToResult() => Kind switch
    {
        OutcomeKind.Retry => ReconcileResult.Retry(Error ?? new ReconcileFailure(Reason, Message)),
        OutcomeKind.After or OutcomeKind.Done or OutcomeKind.Stalled when Delay > TimeSpan.Zero => ReconcileResult.After(Delay),
        _ => ReconcileResult.Done,
    };
}

/// <summary>A transient failure a step reported (not an exception it caught), for the retry log and metrics.</summary>
internal sealed class ReconcileFailure(string reason, string message) : Exception($"{reason}: {message}");
