namespace CiBridge.Operator.Controllers.Tasks;

/// <summary>
/// How soon to look at a run again: often while it is young or about to finish, rarely while a
/// long build is in the middle. No reconcile ever waits; it requeues after this delay.
/// </summary>
internal static class PollInterval
{
    public static readonly TimeSpan Minimum = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan Maximum = TimeSpan.FromSeconds(30);

    public static TimeSpan Queued(TimeSpan waited) => waited < TimeSpan.FromSeconds(30) ? TimeSpan.FromSeconds(2) : TimeSpan.FromSeconds(5);

    public static TimeSpan Running(TimeSpan elapsed, TimeSpan? estimated)
    {
        var delay = estimated is { } total && total > elapsed
            ? (total - elapsed) / 2
            : elapsed / 4;
        return Clamp(delay);
    }

    /// <summary>Back-off before attempt <paramref name="nextAttempt"/> of a failed run: 10 s, 20 s, 40 s … at most 5 min.</summary>
    public static TimeSpan RetryBackoff(int nextAttempt) =>
        TimeSpan.FromSeconds(Math.Min(10 * Math.Pow(2, Math.Max(0, nextAttempt - 2)), 300));

    private static TimeSpan Clamp(TimeSpan delay) => delay < Minimum ? Minimum : delay > Maximum ? Maximum : delay;
}
