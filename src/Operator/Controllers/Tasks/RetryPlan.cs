using CiBridge.Entities.CiTasks;

namespace CiBridge.Operator.Controllers.Tasks;

/// <summary><c>spec.retries</c>: a failed or timed-out run of the current generation is triggered again with back-off.</summary>
internal static class RetryPlan
{
    /// <summary>Null when no retry is owed; otherwise how long until it is due (zero: now).</summary>
    public static TimeSpan? Due(CiTask task, DateTimeOffset now)
    {
        var run = task.Status?.CurrentRun;
        if (run?.Result is null || run.Generation != task.Metadata.Generation) return null;
        var attempt = run.Attempt ?? 1;
        if (attempt > (task.Spec.Retries ?? 0) || !RunVerdict.Of(task, run).Retryable) return null;
        var dueAt = (run.CompletionTime ?? now) + PollInterval.RetryBackoff(attempt + 1);
        return dueAt > now ? dueAt - now : TimeSpan.Zero;
    }
}
