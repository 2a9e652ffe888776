using CiBridge.Sandbox.Jenkins.Model;

namespace CiBridge.Chaos.Tests;

/// <summary>The suite's counting, on records whose answer is known, so a 0 from the suite means something.</summary>
public sealed class BuildLedgerTests
{
    private static readonly TaskPlan s_revised = new("a", ChaosJobs.WithoutRunId, "a", 0, MidRunAction.Revise);
    private static readonly TaskPlan s_retried = new("b", ChaosJobs.Failing, "b", 1, MidRunAction.None);

    [Fact]
    public void ExactlyTheRunsDue_CountNoDuplicateAndNoLostRun()
    {
        var ledger = new BuildLedger([s_revised, s_retried], [Build(s_revised.Job, "a", "r1"), Build(s_revised.Job, "a", "r2"), Build(s_retried.Job, "b", "r1"), Build(s_retried.Job, "b", "r1")]);

        Assert.Equal((4, 4, 0, 0), (ledger.Runs, ledger.Builds, ledger.Duplicates, ledger.Lost));
        Assert.Empty(ledger.Mismatches());
    }

    [Fact]
    public void ASecondBuildForOneRun_IsADuplicate_AndARunWithoutBuild_IsLost()
    {
        var ledger = new BuildLedger([s_revised, s_retried], [Build(s_revised.Job, "a", "r1"), Build(s_revised.Job, "a", "r1"), Build(s_retried.Job, "b", "r1")]);

        Assert.Equal((1, 2), (ledger.Duplicates, ledger.Lost));
        Assert.Contains($"{ChaosJobs.WithoutRunId} TASK=a REV=r2: due 1, built 0", ledger.Mismatches());
    }

    [Fact]
    public void TwinsShareOneKey_AndAreDueOneBuildEach()
    {
        TaskPlan[] twins = [new("t-a", ChaosJobs.WithRunId, "t", 0, MidRunAction.None), new("t-b", ChaosJobs.WithRunId, "t", 0, MidRunAction.None)];

        var ledger = new BuildLedger(twins, [Build(ChaosJobs.WithRunId, "t", "r1")]);

        Assert.Equal((2, 0, 1), (ledger.Runs, ledger.Duplicates, ledger.Lost));
    }

    private static ReceivedBuild Build(string job, string task, string revision) =>
        new(job, 1, 1, new Dictionary<string, string> { ["TASK"] = task, ["REV"] = revision }, "SUCCESS", ["cibridge"]);
}
