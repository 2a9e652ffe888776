using CiBridge.Entities.CiTasks;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Models;
using CiBridge.Sandbox.Jenkins;
using CiBridge.Sandbox.Jenkins.Model;
using CiBridge.TestKit;

namespace CiBridge.EndToEnd.Tests;

/// <summary>
/// spec.revisionFrom: each revision a Flux GitRepository or an Argo CD Application reports starts
/// exactly one run with that revision, sent to the job as CIBRIDGE_REVISION.
/// </summary>
public sealed class RevisionFromTests(SharedEnvironment shared)
{
    private const string Sha1 = "1111111111111111111111111111111111111111";
    private const string Sha2 = "2222222222222222222222222222222222222222";

    [Fact]
    public async Task GitRepositoryRevision_StartsExactlyOneRunWithThatRevision()
    {
        var (scenario, job) = await StartAsync(TimeSpan.FromMilliseconds(300));
        var flux = new GitOpsActor(scenario);
        await flux.CreateGitRepositoryAsync("app-repo", "main", Sha1);
        var created = await scenario.CreateTaskAsync("build", job, FromSource(RevisionSource.GitRepositoryKind, "app-repo"));

        var first = await FinishedWithAsync(scenario, Sha1);
        await flux.PushAsync("app-repo", Sha2);
        var second = await FinishedWithAsync(scenario, Sha2);

        Assert.Equal("main@sha1:" + Sha1, first.Status!.LastHandledRevision);
        Assert.Equal("main@sha1:" + Sha2, second.Status!.LastHandledRevision);
        var builds = scenario.BuildsOf(created, job);
        Assert.Equal([Sha1, Sha2], builds.OrderBy(b => b.Number).Select(b => b.Parameters["CIBRIDGE_REVISION"]));
        Assert.Equal("0123456789abcdef0123456789abcdef01234567", second.Status.CurrentRun!.BuiltRevision);   // what Jenkins says it built
        await scenario.AssertInvariantsAsync(JenkinsStandInExample.ApiToken);
    }

    [Fact]
    public async Task ThreeQuickPushesDuringARun_TheNewestRunsNext_AndAnEventNamesTheSkippedOnes()
    {
        var (scenario, job) = await StartAsync(TimeSpan.FromSeconds(3));
        var flux = new GitOpsActor(scenario);
        await flux.CreateGitRepositoryAsync("app-repo", "main", Sha1);
        var created = await scenario.CreateTaskAsync("build", job, FromSource(RevisionSource.GitRepositoryKind, "app-repo"));
        await scenario.TaskAsync("build", t => t.Status?.Phase == CiTaskPhases.Running, "first run building");

        string[] pushes = ["3333333333333333333333333333333333333333", "4444444444444444444444444444444444444444", "5555555555555555555555555555555555555555"];
        foreach (var sha in pushes) await flux.PushAsync("app-repo", sha);
        var last = await FinishedWithAsync(scenario, pushes[2], TimeSpan.FromSeconds(30));

        Assert.Equal([Sha1, pushes[2]], scenario.BuildsOf(created, job).OrderBy(b => b.Number).Select(b => b.Parameters["CIBRIDGE_REVISION"]));
        Assert.Single(last.Status!.History!);
        var events = await Eventually.HoldsAsync(
            async () => (await shared.Environment.Client.ListAsync<Event>(new ListOptions { Namespace = scenario.Namespace }, Scenario.Ct)).Items,
            items => items.Any(e => e.Reason == "RevisionsSkipped"), "RevisionsSkipped event", ct: Scenario.Ct);
        var skipped = events.Single(e => e.Reason == "RevisionsSkipped").Message!;
        Assert.Contains(pushes[0], skipped, StringComparison.Ordinal);
        Assert.Contains(pushes[1], skipped, StringComparison.Ordinal);
        await scenario.AssertInvariantsAsync(JenkinsStandInExample.ApiToken);
    }

    [Fact]
    public async Task ApplicationRevision_StartsExactlyOneRunWithThatRevision()
    {
        var (scenario, job) = await StartAsync(TimeSpan.FromMilliseconds(300));
        var argo = new GitOpsActor(scenario);
        await argo.CreateApplicationAsync("app", Sha1);
        var created = await scenario.CreateTaskAsync("build", job, FromSource(RevisionSource.ApplicationKind, "app"));

        await FinishedWithAsync(scenario, Sha1);
        await argo.SyncAsync("app", Sha2);
        var second = await FinishedWithAsync(scenario, Sha2);

        Assert.Equal(Sha2, second.Status!.LastHandledRevision);
        Assert.Equal([Sha1, Sha2], scenario.BuildsOf(created, job).OrderBy(b => b.Number).Select(b => b.Parameters["CIBRIDGE_REVISION"]));
        await scenario.AssertInvariantsAsync(JenkinsStandInExample.ApiToken);
    }

    [Fact]
    public async Task MissingSource_IsRevisionSourceNotFound_UntilItAppears()
    {
        var (scenario, job) = await StartAsync(TimeSpan.FromMilliseconds(300));
        await scenario.CreateTaskAsync("build", job, FromSource(RevisionSource.GitRepositoryKind, "not-yet"));

        var waiting = await scenario.TaskAsync("build",
            t => Conditions.Find(t.Status?.Conditions, "Ready") is { Status: "False", Reason: "RevisionSourceNotFound" }, "Ready=False RevisionSourceNotFound");
        await new GitOpsActor(scenario).CreateGitRepositoryAsync("not-yet", "main", Sha1);
        await FinishedWithAsync(scenario, Sha1, TimeSpan.FromSeconds(30));

        Assert.Contains("GitRepository \"not-yet\" not found", Conditions.Find(waiting.Status!.Conditions, "Ready")!.Message, StringComparison.Ordinal);
        await scenario.AssertInvariantsAsync(JenkinsStandInExample.ApiToken);
    }

    private async Task<(Scenario Scenario, string Job)> StartAsync(TimeSpan buildTime)
    {
        var scenario = await Scenario.StartAsync(shared.Environment);
        await scenario.ReadyEndpointAsync();
        var job = $"e2e/push-{scenario.Namespace}";
        shared.Environment.Jenkins.AddJob(job, [StandInParameter.Text("CIBRIDGE_RUN_ID"), StandInParameter.Text("CIBRIDGE_REVISION")],
            new JobBehavior(buildTime, "SUCCESS", ["+ git checkout", "ok"], "0123456789abcdef0123456789abcdef01234567"), JobKind.Pipeline);
        return (scenario, job);
    }

    private static Action<CiTaskSpec> FromSource(string kind, string name) => spec =>
    {
        spec.Revision = null;
        spec.RevisionFrom = new RevisionSource { Kind = kind, Name = name };
    };

    private static Task<CiTask> FinishedWithAsync(Scenario scenario, string revision, TimeSpan? timeout = null) =>
        scenario.TaskAsync("build", t => t.Status?.CurrentRun is { Result: not null } run && run.Revision == revision, $"run of {revision[..7]} finished", timeout);
}
