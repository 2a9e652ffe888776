using CiBridge.Entities.CiTasks;

namespace CiBridge.Operator.Controllers.Tasks;

/// <summary>
/// Whether a run should start now, and which: a recorded run whose trigger is not confirmed yet
/// (resume it), a spec or annotation that has not run (attempt 1), or a failed run that
/// <c>spec.retries</c> allows again after its back-off. The same decision is made on the cached
/// object and again on a fresh read just before the trigger, so a stale cache never triggers twice.
/// </summary>
internal sealed record RunPlan(RunReason Reason, int Attempt, bool Resume, TimeSpan Wait)
{
    /// <param name="task">The task.</param>
    /// <param name="now">The time, for retry back-offs.</param>
    /// <param name="source">The revision <c>spec.revisionFrom</c> reports now, if any.</param>
    public static RunPlan? Decide(CiTask task, DateTimeOffset now, Revisions.SourceRevision? source = null)
    {
        var run = task.Status?.CurrentRun;
        if (RunStarter.IsPendingIntent(run)) return new(new RunReason(null), run!.Attempt ?? 1, Resume: true, TimeSpan.Zero);
        if (RunDue.IsActive(run)) return null;
        if (RunDue.Check(task, source) is { } reason) return new(reason, 1, Resume: false, TimeSpan.Zero);
        if (RetryPlan.Due(task, now) is not { } wait) return null;
        return new(new RunReason(null), (run!.Attempt ?? 1) + 1, Resume: false, wait);
    }

    /// <summary>
    /// What to start once a resumed run was not found in Jenkins: the same run again, unless it was
    /// recorded for an earlier generation. Triggering that one now would send the current spec's
    /// values under the old run's record, and the current generation would then get a build of its
    /// own as well: two builds for one spec. The current generation gets its run instead, and the
    /// old record goes to the history as it is (whether its trigger reached Jenkins is unknown).
    /// </summary>
    public RunPlan WhenNotFound(CiTask fresh) =>
        Resume && fresh.Status?.CurrentRun?.Generation < fresh.Metadata.Generation
            ? new(RunDue.Check(fresh) ?? new RunReason(null), 1, Resume: false, TimeSpan.Zero)
            : this;

    /// <summary>True when <paramref name="fresh"/> still calls for the same start as this plan.</summary>
    public bool StillHolds(CiTask fresh, DateTimeOffset now) =>
        Decide(fresh, now, Reason.Source) is { } again && again.Resume == Resume && again.Attempt == Attempt && again.Wait <= TimeSpan.Zero;
}
