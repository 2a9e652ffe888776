namespace CiBridge.Operator.Controllers.Shared;

/// <summary>
/// Why a check failed, classified the Flux way: <see cref="Stalled"/> failures need the user (no
/// retry until something changes); the others are transient and retried with back-off. Messages
/// are shown on status and in Events, so they never hold secret values.
/// </summary>
public sealed record Failure(string Reason, string Message, bool Stalled)
{
    public static Failure NeedsUser(string reason, string message) => new(reason, message, Stalled: true);

    public static Failure Transient(string reason, string message) => new(reason, message, Stalled: false);
}
