namespace CiBridge.Kubernetes.Queue;

/// <summary>
/// The longest delay a <see cref="ITimer"/> accepts. <see cref="ITimer.Change"/> throws for more than
/// 4,294,967,294 ms (about 49.7 days), and that throw would happen on a timer thread, where it ends
/// the process. Every delay the runtime schedules goes through <see cref="Clamp"/>; waiting the
/// maximum and then re-checking is harmless, because a woken timer only takes what is due.
/// </summary>
public static class TimerDelay
{
    /// <value>4,294,967,294 ms, the largest due time <see cref="ITimer.Change"/> accepts.</value>
    public static readonly TimeSpan Maximum = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    /// <summary>The delay within [0, <see cref="Maximum"/>].</summary>
    public static TimeSpan Clamp(TimeSpan delay) =>
        delay < TimeSpan.Zero ? TimeSpan.Zero : delay > Maximum ? Maximum : delay;
}
