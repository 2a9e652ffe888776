using CiBridge.Entities.Conditions;
using CiBridge.Entities.Validation;
using CiBridge.Jenkins;
using CiBridge.Jenkins.Errors;
using CiBridge.Jenkins.Models;
using CiBridge.Kubernetes.Models;
using CiBridge.Operator.Controllers.Shared;

namespace CiBridge.Operator.Controllers.Tasks;

/// <summary>
/// The ordered steps of a CiTask reconcile, in the order of <see cref="All"/>: validate → follow
/// the run under way → plan (is a run or a retry due?) → resolve the endpoint → resolve the
/// parameters → check the job → start the run. Each returns an <see cref="Outcome"/>.
/// </summary>
internal sealed class TaskSteps(TaskEndpoints endpoints, ParameterResolver parameters, RunStarter starter, RunFollower follower, TaskContext context)
{
    /// <summary>How soon to come back after a step that changed what the next reconcile decides (a run that just ended).</summary>
    public static readonly TimeSpan Soon = TimeSpan.FromMilliseconds(200);

    public IReadOnlyList<Step<TaskReconcile>> All =>
        [ValidateAsync, FollowAsync, ReadRevisionAsync, PlanAsync, ResolveEndpointAsync, ResolveParametersAsync, CheckJobAsync, StartAsync];

    private Task<Outcome> ValidateAsync(TaskReconcile r, CancellationToken ct)
    {
        var validation = CiTaskValidator.Validate(r.Task, context.ApprovedProviders.Current);
        if (validation.IsValid) return Task.FromResult(Outcome.Continue);
        var reason = validation.ProviderNotApproved ? TaskReasons.ProviderNotApproved : TaskReasons.InvalidSpec;
        return Task.FromResult(Outcome.Stall(reason, validation.Summary));
    }

    /// <summary>A run under way is followed to its end before anything new starts.</summary>
    private async Task<Outcome> FollowAsync(TaskReconcile r, CancellationToken ct)
    {
        var run = r.Task.Status?.CurrentRun;
        if (!RunDue.IsActive(run) || RunStarter.IsPendingIntent(run)) return Outcome.Continue;
        var (client, problem) = await endpoints.ResolveAsync(r.Task, ct);
        if (client is null) return problem;
        try
        {
            if (await follower.FollowAsync(r.Task, client, ct) is { } delay) return Outcome.After(delay);
            await ReportFailureLogAsync(r.Task, client, ct);
            // The result is written (and announced) first; the next reconcile plans what comes after it.
            return Outcome.After(Soon);
        }
        catch (JenkinsException e)
        {
            return Outcome.Retry(TaskReasons.JenkinsRequestFailed, $"following the run: {e.Message}", e);
        }
    }

    private async Task<Outcome> PlanAsync(TaskReconcile r, CancellationToken ct)
    {
        var plan = RunPlan.Decide(r.Task, context.Time.GetUtcNow(), r.SourceRevision);
        if (plan is null)
        {
            // Idle: nothing to run, but Ready still says whether the endpoint could run the next one.
            // The endpoint watch brings us back when that changes, so there is nothing to poll.
            var ready = await endpoints.CheckReadyAsync(r.Task, ct);
            return ready.Kind == OutcomeKind.Continue ? Outcome.Done : ready;
        }
        if (plan.Wait > TimeSpan.Zero) return Outcome.After(plan.Wait);
        r.Plan = plan;
        return Outcome.Continue;
    }

    /// <summary>The revision spec.revisionFrom reports (nothing to do without one).</summary>
    private async Task<Outcome> ReadRevisionAsync(TaskReconcile r, CancellationToken ct)
    {
        (r.SourceRevision, var outcome) = await context.Revisions.ReadAsync(r.Task, ct);
        return outcome;
    }

    private async Task<Outcome> ResolveEndpointAsync(TaskReconcile r, CancellationToken ct)
    {
        (r.Client, var problem) = await endpoints.ResolveAsync(r.Task, ct);
        return problem;
    }

    private async Task<Outcome> ResolveParametersAsync(TaskReconcile r, CancellationToken ct)
    {
        (r.Parameters, var failure) = await parameters.ResolveAsync(r.Task, ct);
        return failure is null ? Outcome.Continue : Outcome.Of(failure);
    }

    private async Task<Outcome> CheckJobAsync(TaskReconcile r, CancellationToken ct)
    {
        var name = r.Task.Spec.Job;
        try
        {
            var job = await r.Client!.GetJobAsync(name, ct);
            if (JobCheck.Check(job, r.Parameters!.Values) is not null)
            {
                // The client may have reused a definition read a moment ago: a parameter the job has just
                // gained, or a job just enabled, must not fail the run, so the verdict is on a fresh read.
                r.Client.ForgetJob(name);
                job = await r.Client.GetJobAsync(name, ct);
            }
            if (JobCheck.Check(job, r.Parameters!.Values) is { } failure) return Outcome.Of(failure);
            r.Job = job;
            r.Parameters = Revisions.RunRevision.WithParameter(r.Parameters!, job, Revisions.RunRevision.For(r.Task, r.Plan!));
            return Outcome.Continue;
        }
        catch (JenkinsException e) when (e.Kind == JenkinsErrorKind.NotFound)
        {
            return Outcome.Retry(TaskReasons.JobNotFound, $"job \"{name}\" not found on the server", e);
        }
        catch (JenkinsException e)
        {
            return Outcome.Retry(TaskReasons.JenkinsRequestFailed, $"reading job \"{name}\": {e.Message}", e);
        }
    }

    private async Task<Outcome> StartAsync(TaskReconcile r, CancellationToken ct)
    {
        try
        {
            return await starter.StartAsync(r, ct);
        }
        catch (JenkinsException e) when (e.Kind == JenkinsErrorKind.InvalidRequest)
        {
            return Outcome.Stall(TaskReasons.InvalidParameters, e.Message);
        }
        catch (JenkinsException e)
        {
            return Outcome.Retry(TaskReasons.JenkinsRequestFailed, $"triggering \"{r.Task.Spec.Job}\": {e.Message}", e);
        }
    }

    /// <summary>A run that just ended badly gets an Event with the end of its console.</summary>
    private async Task ReportFailureLogAsync(Entities.CiTasks.CiTask task, IJenkinsClient client, CancellationToken ct)
    {
        var run = task.Status!.CurrentRun!;
        if (run.Result is null or BuildResults.Success || run.BuildNumber is not { } number) return;
        var (resolved, _) = await parameters.ResolveAsync(task, ct);
        var secrets = resolved?.SecretValues ?? new HashSet<string>();
        if (await ConsoleTail.ReadAsync(client, run.Job ?? task.Spec.Job, (int)number, secrets, ct) is { } tail)
        {
            context.Events.Record(task, EventTypes.Warning, "BuildLog", $"last lines of build #{number}:\n{tail}");
        }
    }
}
