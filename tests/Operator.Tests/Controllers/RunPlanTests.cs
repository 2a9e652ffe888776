using CiBridge.Entities;
using CiBridge.Entities.CiTasks;
using CiBridge.Jenkins.Models;
using CiBridge.Operator.Controllers.Tasks;
using CiBridge.Operator.Tests.Controllers.Support;

namespace CiBridge.Operator.Tests.Controllers;

public sealed class RunPlanTests
{
    private static readonly DateTimeOffset s_now = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>(case, task, expected plan as "attempt/resume/wait/request" or null).</summary>
    public static TheoryData<string, CiTask, string?> Cases => new()
    {
        { "never ran", Objects.Task(), "1/new/0s/-" },
        { "spec changed since the last run", Objects.Task(generation: 2).WithRun(build: 1, result: BuildResults.Success, generation: 1), "1/new/0s/-" },
        { "current spec ran", Objects.Task().WithRun(build: 1, result: BuildResults.Success, completed: s_now), null },
        { "run recorded, trigger not confirmed", Objects.Task().WithRun(), "1/resume/0s/-" },
        { "run queued", Objects.Task().WithRun(queueItem: 7), null },
        { "run building", Objects.Task().WithRun(queueItem: 7, build: 3), null },
        { "run asked for", Requested(Objects.Task().WithRun(build: 1, result: BuildResults.Success), "t1", handled: null), "1/new/0s/t1" },
        { "request already handled", Requested(Objects.Task().WithRun(build: 1, result: BuildResults.Success), "t1", handled: "t1"), null },
        { "failed, retry waits its back-off", Retries(Objects.Task().WithRun(build: 1, result: BuildResults.Failure, completed: s_now), 2), "2/new/10s/-" },
        { "failed, back-off over", Retries(Objects.Task().WithRun(build: 1, result: BuildResults.Failure, completed: s_now.AddMinutes(-1)), 2), "2/new/0s/-" },
        { "failed, retries used up", Retries(Objects.Task().WithRun(build: 1, result: BuildResults.Failure, attempt: 3, completed: s_now), 2), null },
        { "unstable is not retried", Retries(Objects.Task().WithRun(build: 1, result: BuildResults.Unstable, completed: s_now), 2), null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decide_ReturnsTheRunThatIsDue(string name, CiTask task, string? expected)
    {
        var plan = RunPlan.Decide(task, s_now);

        var actual = plan is null ? null : $"{plan.Attempt}/{(plan.Resume ? "resume" : "new")}/{plan.Wait.TotalSeconds}s/{plan.Reason.RequestValue ?? "-"}";
        Assert.True(expected == actual, $"{name}: expected {expected ?? "none"}, got {actual ?? "none"}");
    }

    [Fact]
    public void StillHolds_IsFalse_WhenAFreshReadShowsTheRunAlreadyRecorded()
    {
        var plan = RunPlan.Decide(Objects.Task(), s_now)!;

        Assert.True(plan.StillHolds(Objects.Task(), s_now));
        Assert.False(plan.StillHolds(Objects.Task().WithRun(queueItem: 7), s_now));
    }

    [Theory]
    [InlineData(2, 10)]
    [InlineData(3, 20)]
    [InlineData(4, 40)]
    [InlineData(6, 160)]
    [InlineData(7, 300)]
    [InlineData(11, 300)]
    public void RetryBackoff_DoublesFromTenSeconds_UpToFiveMinutes(int nextAttempt, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), PollInterval.RetryBackoff(nextAttempt));
    }

    [Theory]
    [InlineData("young queue item", 5, null, null, 2)]
    [InlineData("long wait in the queue", 45, null, null, 5)]
    [InlineData("build with an estimate", null, 60, 120, 30)]
    [InlineData("build about to finish", null, 118, 120, 1)]
    [InlineData("build without an estimate", null, 20, null, 5)]
    public void PollInterval_LooksOftenWhenSomethingIsAboutToChange(string name, int? queuedSeconds, int? elapsedSeconds, int? estimateSeconds, int expectedSeconds)
    {
        var delay = queuedSeconds is { } queued
            ? PollInterval.Queued(TimeSpan.FromSeconds(queued))
            : PollInterval.Running(TimeSpan.FromSeconds(elapsedSeconds!.Value), estimateSeconds is { } e ? TimeSpan.FromSeconds(e) : null);

        Assert.True(TimeSpan.FromSeconds(expectedSeconds) == delay, $"{name}: {delay}");
    }

    private static CiTask Requested(CiTask task, string value, string? handled)
    {
        task.Metadata.Annotations = new() { [CiBridgeApi.RunRequestedAtAnnotation] = value };
        task.Status!.LastHandledRunRequest = handled;
        return task;
    }

    private static CiTask Retries(CiTask task, int retries)
    {
        task.Spec.Retries = retries;
        return task;
    }
}
