using CiBridge.Entities.CiTasks;
using CiBridge.Entities.Conditions;
using CiBridge.Jenkins.Models;
using CiBridge.Kubernetes.Models;
using CiBridge.Operator.Controllers.Shared;
using CiBridge.Operator.Controllers.Tasks;
using CiBridge.Operator.Tests.Controllers.Support;

namespace CiBridge.Operator.Tests.Controllers;

public sealed class TaskStatusSummaryTests
{
    private static readonly DateTimeOffset s_now = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Case name → (task, outcome, expected "Ready/reason Succeeded/reason phase +Reconciling +Stalled").</summary>
    private static readonly Dictionary<string, Func<(CiTask Task, Outcome Outcome, string Expected)>> s_cases = new()
    {
        ["first run being triggered"] = () => (Objects.Task().WithRun(), Outcome.After(TimeSpan.FromSeconds(1)), "Unknown/Pending Unknown/Pending Pending +Reconciling"),
        ["waiting for the endpoint's verification"] = () => (Objects.Task(), Outcome.Wait(TaskReasons.Pending, "waiting"), "Unknown/Pending Unknown/Pending Pending +Reconciling"),
        ["endpoint missing"] = () => (Objects.Task(), Outcome.Blocked(TaskReasons.EndpointNotReady, "gone"), "False/EndpointNotReady Unknown/EndpointNotReady Pending"),
        ["invalid spec"] = () => (Objects.Task(), Outcome.Stall(TaskReasons.InvalidSpec, "bad"), "False/InvalidSpec False/InvalidSpec Failed +Stalled"),
        ["building"] = () => (Objects.Task().WithRun(queueItem: 1, build: 2), Outcome.After(TimeSpan.FromSeconds(5)), "Unknown/Running Unknown/Running Running +Reconciling"),
        ["Jenkins down while building"] = () => (Objects.Task().WithRun(queueItem: 1, build: 2), Outcome.Retry(TaskReasons.JenkinsRequestFailed, "refused"), "False/JenkinsRequestFailed Unknown/Running Running"),
        ["succeeded"] = () => (Objects.Task().WithRun(build: 2, result: BuildResults.Success, completed: s_now), Outcome.Done, "True/Succeeded True/Succeeded Succeeded"),
        ["failed, no retries"] = () => (Objects.Task().WithRun(build: 2, result: BuildResults.Failure, completed: s_now), Outcome.Done, "False/Failed False/Failed Failed"),
        ["failed, retry waits"] = () => (Retrying(), Outcome.After(TimeSpan.FromSeconds(10)), "Unknown/ToBeRetried Unknown/ToBeRetried Retrying +Reconciling"),
        ["new spec blocked by a missing parameter source"] = () => (Objects.Task(generation: 2).WithRun(build: 2, result: BuildResults.Success, generation: 1),
            Outcome.Stall(TaskReasons.ParameterSourceNotFound, "no Secret"), "False/ParameterSourceNotFound False/ParameterSourceNotFound Failed +Stalled"),
    };

    public static TheoryData<string> Cases => [.. s_cases.Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Apply_DerivesConditionsFromRunAndOutcome(string name)
    {
        var (task, outcome, expected) = s_cases[name]();
        TaskStatusSummary.Apply(task, outcome, s_now);

        var conditions = task.Status!.Conditions;
        string Of(string type) => Conditions.Find(conditions, type) is { } c ? $"{c.Status}/{c.Reason}" : "-";
        var actual = $"{Of(ConditionTypes.Ready)} {Of(ConditionTypes.Succeeded)} {task.Status.Phase}"
            + (Conditions.IsTrue(conditions, ConditionTypes.Reconciling) ? " +Reconciling" : "")
            + (Conditions.IsTrue(conditions, ConditionTypes.Stalled) ? " +Stalled" : "");
        Assert.True(expected == actual, $"{name}: expected {expected}, got {actual}");
        Assert.All(conditions!, c => Assert.Equal(task.Metadata.Generation, c.ObservedGeneration));
    }

    [Fact]
    public void Apply_KeepsLastTransitionTime_WhenOnlyTheMessageChanges()
    {
        var task = Objects.Task().WithRun(queueItem: 1, build: 2);
        TaskStatusSummary.Apply(task, Outcome.After(TimeSpan.FromSeconds(1)), s_now);

        task.Status!.CurrentRun!.Job = "other/job";
        TaskStatusSummary.Apply(task, Outcome.After(TimeSpan.FromSeconds(1)), s_now.AddMinutes(1));

        Assert.Equal(s_now, Conditions.Find(task.Status.Conditions, ConditionTypes.Ready)!.LastTransitionTime);
    }

    private static CiTask Retrying()
    {
        var task = Objects.Task().WithRun(build: 2, result: BuildResults.Failure, completed: s_now);
        task.Spec.Retries = 1;
        return task;
    }
}
