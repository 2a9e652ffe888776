using CiBridge.Entities.CiTasks;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Operator.Controllers.Shared;

namespace CiBridge.Operator.Controllers.Tasks;

/// <summary>
/// What the steps of one CiTask reconcile found: a failure to report (or none), whether a retry
/// is waiting, what to do next, and — when a step already wrote status (the run intent) — the
/// object that write returned, so the final write compares against it.
/// </summary>
internal sealed record StepResult(Failure? Failure, ReconcileResult Next, bool RetryPending = false, CiTask? Written = null, CiTask? Working = null)
{
    public static StepResult Stop(Failure failure) =>
        new(failure, failure.Stalled ? ReconcileResult.Done : ReconcileResult.After(failure.RetryAfter ?? TimeSpan.FromSeconds(30)));
}
