using CiBridge.Kubernetes.Models;

namespace CiBridge.Entities.CiTasks;

/// <summary>
/// Shortens what a CiTask's status holds to its schema's limits before it is written: a build
/// URL, result or revision comes from Jenkins and a request value from the user, and a value the
/// schema refuses would fail the status write on every retry.
/// </summary>
public static class CiTaskStatusFit
{
    public static void Apply(CiTaskStatus status)
    {
        if (status.LastHandledRunRequest is { } request) status.LastHandledRunRequest = HandledRequest(request);
        if (status.LastHandledRevision is { } revision) status.LastHandledRevision = HandledRevision(revision);
        if (status.CurrentRun is { } current) Apply(current);
        foreach (var run in status.History ?? []) Apply(run);
    }

    /// <summary>How a run request value is recorded in <see cref="CiTaskStatus.LastHandledRunRequest"/>; compare against this.</summary>
    public static string HandledRequest(string requestValue) =>
        SchemaText.FitDistinct(requestValue, CiTaskStatus.MaxRunRequestLength);

    /// <summary>How a reported revision is recorded in <see cref="CiTaskStatus.LastHandledRevision"/>; compare against this.</summary>
    public static string HandledRevision(string revision) =>
        SchemaText.FitDistinct(revision, CiTaskRun.MaxRevisionLength);

    private static void Apply(CiTaskRun run)
    {
        run.RunId = SchemaText.Fit(run.RunId, CiTaskRun.MaxRunIdLength);
        run.Job = SchemaText.FitOptional(run.Job, CiTaskRun.MaxJobLength);
        run.Revision = SchemaText.FitOptional(run.Revision, CiTaskRun.MaxRevisionLength);
        run.BuildUrl = SchemaText.FitOptional(run.BuildUrl, CiTaskRun.MaxBuildUrlLength);
        run.Result = SchemaText.FitOptional(run.Result, CiTaskRun.MaxResultLength);
        run.BuiltRevision = SchemaText.FitOptional(run.BuiltRevision, CiTaskRun.MaxRevisionLength);
        run.Duration = SchemaText.FitOptional(run.Duration, CiTaskRun.MaxDurationLength);
    }
}
