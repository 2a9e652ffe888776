namespace CiBridge.Operator.Controllers.Shared;

/// <summary>
/// Why a step could not go on, classified the Flux way: <see cref="Stalled"/> failures need the
/// user (no retry until something changes); the others are retried after <see cref="RetryAfter"/>.
/// Messages are shown on status and in Events, so they never hold secret values.
/// </summary>
public sealed record Failure(string Reason, string Message, bool Stalled, TimeSpan? RetryAfter = null)
{
    public static Failure NeedsUser(string reason, string message) => new(reason, message, Stalled: true);

    public static Failure Transient(string reason, string message, TimeSpan retryAfter) => new(reason, message, Stalled: false, retryAfter);
}
