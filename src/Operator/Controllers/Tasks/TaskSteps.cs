using CiBridge.Entities.CiTasks;
using CiBridge.Entities.Conditions;
using CiBridge.Entities.Validation;
using CiBridge.Jenkins;
using CiBridge.Jenkins.Errors;
using CiBridge.Jenkins.Models;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Models;
using CiBridge.Operator.Controllers.Shared;

namespace CiBridge.Operator.Controllers.Tasks;

/// <summary>
/// The ordered steps of a CiTask reconcile: Validate → follow the run under way → decide whether a
/// run (or a retry) is due → ResolveEndpoint → check the job → resolve parameters → Start.
/// </summary>
internal sealed class TaskSteps(TaskEndpoints endpoints, ParameterResolver parameters, RunStarter starter, RunFollower follower, TaskContext context)
{
    private static readonly TimeSpan s_soon = TimeSpan.FromMilliseconds(200);

    public async Task<StepResult> RunAsync(CiTask task, CancellationToken ct)
    {
        var validation = CiTaskValidator.Validate(task, context.ApprovedProviders.Current);
        if (!validation.IsValid)
        {
            var reason = validation.ProviderNotApproved ? TaskReasons.ProviderNotApproved : TaskReasons.InvalidSpec;
            return StepResult.Stop(Failure.NeedsUser(reason, validation.Summary));
        }
        var run = task.Status?.CurrentRun;
        if (RunDue.IsActive(run) && !RunStarter.IsPendingIntent(run)) return await FollowAsync(task, ct);
        var plan = RunPlan.Decide(task, context.Time.GetUtcNow());
        if (plan is null)
        {
            // Idle: nothing to run, but Ready still says whether the endpoint could run the next one.
            // The endpoint watch brings us back when that changes, so there is nothing to poll.
            var (_, notReady) = await endpoints.FindReadyAsync(task, ct);
            return new StepResult(notReady, ReconcileResult.Done);
        }
        if (plan.Wait > TimeSpan.Zero) return new StepResult(null, ReconcileResult.After(plan.Wait), RetryPending: true);
        return await StartAsync(task, plan, ct);
    }

    private async Task<StepResult> FollowAsync(CiTask task, CancellationToken ct)
    {
        var (client, failure) = await endpoints.ResolveAsync(task, ct);
        if (client is null) return StepResult.Stop(failure!);
        try
        {
            var delay = await follower.FollowAsync(task, client, ct);
            if (delay is null) await ReportFailureLogAsync(task, client, ct);
            return new StepResult(null, ReconcileResult.After(delay ?? s_soon));
        }
        catch (JenkinsException e)
        {
            return StepResult.Stop(Failure.Transient(TaskReasons.EndpointNotReady, $"following the run: {e.Message}", TimeSpan.FromSeconds(15)));
        }
    }

    /// <summary>A run that just ended badly gets an Event with the end of its console.</summary>
    private async Task ReportFailureLogAsync(CiTask task, IJenkinsClient client, CancellationToken ct)
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

    private async Task<StepResult> StartAsync(CiTask task, RunPlan plan, CancellationToken ct)
    {
        var (client, failure) = await endpoints.ResolveAsync(task, ct);
        if (client is null) return StepResult.Stop(failure!);
        var (values, parameterFailure) = await parameters.ResolveAsync(task, ct);
        if (values is null) return StepResult.Stop(parameterFailure!);
        try
        {
            var job = await client.GetJobAsync(task.Spec.Job, ct);
            if (JobCheck.Check(job, values.Values) is { } jobFailure) return StepResult.Stop(jobFailure);
            var (working, written, outcome) = await starter.StartAsync(task, client, job, values, plan, ct);
            var next = outcome switch
            {
                StartOutcome.Queued => PollInterval.Minimum,
                StartOutcome.Coalesced => TimeSpan.FromSeconds(2),
                _ => s_soon,
            };
            return new StepResult(null, ReconcileResult.After(next), Written: written, Working: working);
        }
        catch (JenkinsException e) when (e.Kind == JenkinsErrorKind.NotFound)
        {
            return StepResult.Stop(Failure.Transient(TaskReasons.JobNotFound, $"job \"{task.Spec.Job}\" not found on the server", TaskEndpoints.RecheckAfter));
        }
        catch (JenkinsException e) when (e.Kind == JenkinsErrorKind.InvalidRequest)
        {
            return StepResult.Stop(Failure.NeedsUser(TaskReasons.InvalidParameters, e.Message));
        }
        catch (JenkinsException e)
        {
            return StepResult.Stop(Failure.Transient(TaskReasons.EndpointNotReady, $"triggering {task.Spec.Job}: {e.Message}", TimeSpan.FromSeconds(15)));
        }
    }
}
