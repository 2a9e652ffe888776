using CiBridge.Entities.CiTasks;
using CiBridge.Entities.Conditions;
using CiBridge.Jenkins.Models;
using CiBridge.Kubernetes.Models;
using CiBridge.Operator.Controllers.Tasks;
using CiBridge.Operator.Tests.Controllers.Support;

namespace CiBridge.Operator.Tests.Controllers;

public sealed class RunVerdictTests
{
    private static readonly DateTimeOffset s_end = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, CiTask, ConditionStatus, string, string, bool> Cases => new()
    {
        { "recorded, not triggered", Objects.Task().WithRun(), ConditionStatus.Unknown, TaskReasons.Pending, CiTaskPhases.Pending, false },
        { "in the queue", Objects.Task().WithRun(queueItem: 7), ConditionStatus.Unknown, TaskReasons.Queued, CiTaskPhases.Queued, false },
        { "building", Objects.Task().WithRun(queueItem: 7, build: 3), ConditionStatus.Unknown, TaskReasons.Running, CiTaskPhases.Running, false },
        { "SUCCESS", Finished(BuildResults.Success), ConditionStatus.True, TaskReasons.Succeeded, CiTaskPhases.Succeeded, false },
        { "FAILURE", Finished(BuildResults.Failure), ConditionStatus.False, TaskReasons.Failed, CiTaskPhases.Failed, true },
        { "UNSTABLE", Finished(BuildResults.Unstable), ConditionStatus.False, TaskReasons.Unstable, CiTaskPhases.Failed, false },
        { "NOT_BUILT", Finished(BuildResults.NotBuilt), ConditionStatus.False, TaskReasons.NotBuilt, CiTaskPhases.Failed, false },
        { "ABORTED by someone", Finished(BuildResults.Aborted), ConditionStatus.False, TaskReasons.Aborted, CiTaskPhases.Failed, false },
        { "ABORTED by spec.timeout", Finished(BuildResults.Aborted, timeout: "30s"), ConditionStatus.False, TaskReasons.TimedOut, CiTaskPhases.Failed, true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Of_ReadsJenkinsAnswerAsACondition(string name, CiTask task, ConditionStatus status, string reason, string phase, bool retryable)
    {
        var verdict = RunVerdict.Of(task, task.Status!.CurrentRun!);

        Assert.True((status, reason, phase, retryable) == (verdict.Status, verdict.Reason, verdict.Phase, verdict.Retryable), $"{name}: {verdict}");
    }

    private static CiTask Finished(string result, string? timeout = null)
    {
        var task = Objects.Task().WithRun(queueItem: 7, build: 3, result: result, completed: s_end);
        task.Spec.Timeout = timeout;
        return task;
    }
}
