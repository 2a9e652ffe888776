using CiBridge.Entities.CiTasks;
using CiBridge.Entities.Validation;
using CiBridge.Jenkins.Models;
using CiBridge.Operator.Controllers.Tasks;

namespace CiBridge.Operator.Controllers.Revisions;

/// <summary>
/// The revision a run is for, recorded on it and sent as <c>CIBRIDGE_REVISION</c> when the job
/// declares that parameter: the source's new revision for a run <c>spec.revisionFrom</c> started,
/// the same revision again for a retry or a resumed trigger, otherwise <c>spec.revision</c>.
/// </summary>
internal static class RunRevision
{
    /// <param name="task">The task before the run is recorded.</param>
    /// <param name="plan">The start the plan step decided.</param>
    public static string? For(CiTask task, RunPlan plan)
    {
        var current = task.Status?.CurrentRun;
        if (plan.Resume || plan.Attempt > 1) return current?.Revision;
        if (plan.Reason.Source is { } source) return source.Commit;
        return task.Spec.RevisionFrom is null ? task.Spec.Revision : current?.Revision;
    }

    /// <summary>Records the new run's revision and, for a source revision, that it was handled.</summary>
    /// <param name="intended">The task with the new run recorded.</param>
    /// <param name="plan">The start being recorded.</param>
    /// <param name="revision">What <see cref="For"/> said before the run was recorded.</param>
    public static void Record(CiTask intended, RunPlan plan, string? revision)
    {
        intended.Status!.CurrentRun!.Revision = revision;
        if (plan.Reason.Source is { } source) intended.Status.LastHandledRevision = CiTaskStatusFit.HandledRevision(source.Reported);
    }

    /// <summary>The values to send, with <c>CIBRIDGE_REVISION</c> added when the job declares it and the run has a revision.</summary>
    public static ResolvedParameters WithParameter(ResolvedParameters parameters, JenkinsJob job, string? revision)
    {
        if (revision is null || !job.HasParameter(CiTaskValidator.RevisionParameter)) return parameters;
        var values = new Dictionary<string, string>(parameters.Values, StringComparer.Ordinal) { [CiTaskValidator.RevisionParameter] = revision };
        return parameters with { Values = values };
    }
}
