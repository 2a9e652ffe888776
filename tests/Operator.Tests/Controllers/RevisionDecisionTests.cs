using CiBridge.Entities.CiTasks;
using CiBridge.Jenkins.Models;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Operator.Controllers.Revisions;
using CiBridge.Operator.Controllers.Tasks;
using CiBridge.Operator.Tests.Controllers.Support;

namespace CiBridge.Operator.Tests.Controllers;

/// <summary>The decisions behind spec.revisionFrom: which revision is due, which one a run records and sends, which were skipped.</summary>
public sealed class RevisionDecisionTests
{
    private static readonly DateTimeOffset s_now = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly SourceRevision s_r2 = SourceRevision.Parse("main@sha1:2222222");

    [Theory]
    [InlineData("main@sha1:3f2c9e1aa", "3f2c9e1aa")]
    [InlineData("main/3f2c9e1aa", "3f2c9e1aa")]
    [InlineData("refs/heads/main@sha1:3f2c9e1aa", "3f2c9e1aa")]
    [InlineData("3f2c9e1aa", "3f2c9e1aa")]
    [InlineData("v1.2.0@sha256:abc", "abc")]
    public void Parse_TakesTheCommitAfterTheLastSeparator_AndKeepsTheReportedText(string reported, string commit)
    {
        var revision = SourceRevision.Parse(reported);

        Assert.Equal((reported, commit), (revision.Reported, revision.Commit));
    }

    /// <summary>(case, task, source revision, expected plan as "attempt/source" or null).</summary>
    public static TheoryData<string, CiTask, string?, string?> Cases => new()
    {
        { "first run takes the source's revision", FromSource(), "main@sha1:2222222", "1/main@sha1:2222222" },
        { "a new revision after a finished run", Handled(FromSource().WithRun(build: 1, result: BuildResults.Success, completed: s_now), "main@sha1:1111111"), "main@sha1:2222222", "1/main@sha1:2222222" },
        { "the revision handled already", Handled(FromSource().WithRun(build: 1, result: BuildResults.Success, completed: s_now), "main@sha1:2222222"), "main@sha1:2222222", null },
        { "a new revision while a run builds waits", Handled(FromSource().WithRun(queueItem: 7, build: 3), "main@sha1:1111111"), "main@sha1:2222222", null },
        { "a spec change runs the current revision", Handled(FromSource(generation: 2).WithRun(build: 1, result: BuildResults.Success, generation: 1), "main@sha1:2222222"), "main@sha1:2222222", "1/main@sha1:2222222" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decide_RunsEachReportedRevisionOnce(string name, CiTask task, string? source, string? expected)
    {
        var plan = RunPlan.Decide(task, s_now, source is null ? null : SourceRevision.Parse(source));

        var actual = plan is null ? null : $"{plan.Attempt}/{plan.Reason.Source?.Reported ?? "-"}";
        Assert.True(expected == actual, $"{name}: expected {expected ?? "none"}, got {actual ?? "none"}");
    }

    [Fact]
    public void For_NewSourceRevision_IsItsCommit_RetryAndResumeKeepTheRunsRevision_OtherwiseSpecRevision()
    {
        var recorded = FromSource().WithRun(build: 1, result: BuildResults.Failure, completed: s_now);
        recorded.Status!.CurrentRun!.Revision = "1111111";

        Assert.Equal("2222222", RunRevision.For(FromSource(), new RunPlan(new RunReason(null, s_r2), 1, Resume: false, TimeSpan.Zero)));
        Assert.Equal("1111111", RunRevision.For(recorded, new RunPlan(new RunReason(null), 2, Resume: false, TimeSpan.Zero)));
        Assert.Equal("1111111", RunRevision.For(recorded, new RunPlan(new RunReason(null), 1, Resume: true, TimeSpan.Zero)));
        Assert.Equal("3f2c9e1", RunRevision.For(Objects.Task(), new RunPlan(new RunReason(null), 1, Resume: false, TimeSpan.Zero)));
    }

    [Fact]
    public void WithParameter_AddsTheRevisionOnlyWhenTheJobDeclaresIt()
    {
        var parameters = new ResolvedParameters(new Dictionary<string, string> { ["BRANCH"] = "main" }, new HashSet<string>());
        var declaring = FakeJenkins.Job("build", true, FakeJenkins.StringParameter("BRANCH"), FakeJenkins.StringParameter("CIBRIDGE_REVISION"));
        var plain = FakeJenkins.Job("build", true, FakeJenkins.StringParameter("BRANCH"));

        Assert.Equal("2222222", RunRevision.WithParameter(parameters, declaring, "2222222").Values["CIBRIDGE_REVISION"]);
        Assert.False(RunRevision.WithParameter(parameters, plain, "2222222").Values.ContainsKey("CIBRIDGE_REVISION"));
        Assert.False(RunRevision.WithParameter(parameters, declaring, null).Values.ContainsKey("CIBRIDGE_REVISION"));
    }

    [Fact]
    public void TakeSkipped_NamesWhatCameBetweenTheHandledAndTheRunningRevision_Once()
    {
        var watch = new RevisionWatch();
        var key = new ObjectKey("team-a", "build");
        foreach (var revision in new[] { "r1", "r2", "r3", "r3", "r4" }) watch.Note(key, revision);

        Assert.Equal(["r2", "r3"], watch.TakeSkipped(key, handledBefore: "r1", running: "r4"));
        Assert.Empty(watch.TakeSkipped(key, handledBefore: "r4", running: "r5"));
    }

    private static CiTask FromSource(long generation = 1)
    {
        var task = Objects.Task(generation: generation);
        task.Spec.Revision = null;
        task.Spec.RevisionFrom = new RevisionSource { Kind = RevisionSource.GitRepositoryKind, Name = "app-repo" };
        return task;
    }

    private static CiTask Handled(CiTask task, string revision)
    {
        task.Status!.LastHandledRevision = revision;
        return task;
    }
}
