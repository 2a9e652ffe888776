using CiBridge.Entities.CiTasks;
using CiBridge.Entities.Validation;
using CiBridge.Jenkins;
using CiBridge.Jenkins.Errors;
using CiBridge.Jenkins.Models;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Operator.Metrics;

namespace CiBridge.Operator.Controllers.Tasks;

/// <summary>
/// Follows the current run one step: queue item → build → result, and enforces
/// <c>spec.timeout</c> by cancelling the queue item or stopping the build. Returns when to look
/// again, or null once the run has finished.
/// </summary>
internal sealed class RunFollower(QueueClaims claims, OperatorMetrics metrics, TimeProvider time)
{
    public async Task<TimeSpan?> FollowAsync(CiTask task, IJenkinsClient client, CancellationToken ct)
    {
        var run = task.Status!.CurrentRun!;
        var job = run.Job ?? task.Spec.Job;
        var now = time.GetUtcNow();
        if (run.BuildNumber is null)
        {
            claims.Restore(RunStarter.EndpointOf(task), job, run.QueueItemId!.Value, ObjectKey.Of(task));
            var waited = await FollowQueueAsync(task, run, job, client, now, ct);
            if (waited is not null || run.Result is not null) return waited;
        }
        var build = await client.GetBuildAsync(job, (int)run.BuildNumber!.Value, ct);
        run.BuildUrl ??= build.Url?.ToString();
        run.StartTime = Kubernetes.Models.KubernetesTimeConverter.Truncate(build.StartedAt);
        if (build.Building)
        {
            if (TimedOut(task, run, now)) await client.StopBuildAsync(job, build.Number, ct);
            return TimedOut(task, run, now) ? PollInterval.Minimum : PollInterval.Running(now - build.StartedAt, build.EstimatedDuration);
        }
        Finish(run, build.Result ?? BuildResults.NotBuilt, build.StartedAt + build.Duration);
        run.Duration = GoDuration.Format(build.Duration);
        run.BuiltRevision = build.GitRevision;
        return null;
    }

    /// <summary>True when the run has used up <c>spec.timeout</c> (counted from the trigger).</summary>
    public static bool TimedOut(CiTask task, CiTaskRun run, DateTimeOffset now) =>
        GoDuration.TryParse(task.Spec.Timeout, out var limit) && run.TriggerTime is { } started && now - started >= limit;

    private async Task<TimeSpan?> FollowQueueAsync(CiTask task, CiTaskRun run, string job, IJenkinsClient client, DateTimeOffset now, CancellationToken ct)
    {
        QueueItem item;
        try
        {
            item = await client.GetQueueItemAsync(run.QueueItemId!.Value, ct);
        }
        catch (JenkinsException e) when (e.Kind == JenkinsErrorKind.NotFound)
        {
            // Left items expire after five minutes; the build still names its queue id.
            var build = await client.FindBuildByQueueIdAsync(job, run.QueueItemId!.Value, ct);
            if (build is null) Finish(run, BuildResults.NotBuilt, now);
            else run.BuildNumber = build.Number;
            return null;
        }
        switch (item.State)
        {
            case QueueItemState.Started:
                run.BuildNumber = item.BuildNumber;
                run.BuildUrl = item.BuildUrl?.ToString();
                return null;
            case QueueItemState.Cancelled:
                Finish(run, BuildResults.Aborted, now);
                return null;
            default:
                if (TimedOut(task, run, now)) await client.CancelQueueItemAsync(item.Id, ct);
                return PollInterval.Queued(now - (run.TriggerTime ?? now));
        }
    }

    private void Finish(CiTaskRun run, string result, DateTimeOffset completedAt)
    {
        metrics.BuildFinished(result);
        run.Result = result;
        run.CompletionTime = Kubernetes.Models.KubernetesTimeConverter.Truncate(completedAt);
    }
}
