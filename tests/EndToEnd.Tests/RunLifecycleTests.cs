using CiBridge.Entities.CiTasks;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Models;
using CiBridge.TestKit;

namespace CiBridge.EndToEnd.Tests;

public sealed class RunLifecycleTests(SharedEnvironment shared)
{
    [Fact]
    public async Task Timeout_AbortsTheBuild_AndEndsTimedOut()
    {
        var scenario = await Scenario.StartAsync(shared.Environment);
        await scenario.ReadyEndpointAsync();
        var created = await scenario.CreateTaskAsync("release", SharedEnvironment.Slow, spec => spec.Timeout = "3s");

        var task = await scenario.FinishedAsync("release");

        var succeeded = Conditions.Find(task.Status!.Conditions, "Succeeded")!;
        Assert.Equal(("False", "TimedOut"), (succeeded.Status, succeeded.Reason));
        var build = Assert.Single(scenario.BuildsOf(created, SharedEnvironment.Slow));
        Assert.Equal("ABORTED", build.Result);
        await scenario.AssertInvariantsAsync();
    }

    [Fact]
    public async Task DeletingARunningTask_AbortsItsBuild_AndTheObjectGoes()
    {
        var scenario = await Scenario.StartAsync(shared.Environment);
        await scenario.ReadyEndpointAsync();
        var created = await scenario.CreateTaskAsync("nightly", SharedEnvironment.Slow);
        await scenario.TaskAsync("nightly", t => t.Status?.Phase == "Running", "Running");

        await shared.Environment.Client.DeleteAsync<CiTask>(new ObjectKey(scenario.Namespace, "nightly"), Scenario.Ct);

        await Eventually.HoldsAsync(async () => await shared.Environment.Client.GetAsync<CiTask>(new ObjectKey(scenario.Namespace, "nightly"), Scenario.Ct),
            t => t is null, "CiTask gone", ct: Scenario.Ct);
        await Eventually.HoldsAsync(() => scenario.BuildsOf(created, SharedEnvironment.Slow).Single().Result == "ABORTED", "build aborted", ct: Scenario.Ct);
    }

    [Fact]
    public async Task DeletingWithOrphanPolicy_LeavesTheBuildRunning()
    {
        var scenario = await Scenario.StartAsync(shared.Environment);
        await scenario.ReadyEndpointAsync();
        var created = await scenario.CreateTaskAsync("orphaned", SharedEnvironment.Slow, spec => spec.DeletionPolicy = DeletionPolicies.Orphan);
        await scenario.TaskAsync("orphaned", t => t.Status?.Phase == "Running", "Running");

        await shared.Environment.Client.DeleteAsync<CiTask>(new ObjectKey(scenario.Namespace, "orphaned"), Scenario.Ct);

        await Eventually.HoldsAsync(async () => await shared.Environment.Client.GetAsync<CiTask>(new ObjectKey(scenario.Namespace, "orphaned"), Scenario.Ct),
            t => t is null, "CiTask gone", ct: Scenario.Ct);
        Assert.Null(scenario.BuildsOf(created, SharedEnvironment.Slow).Single().Result);
    }

    [Fact]
    public async Task Retries_TriggerAFailedRunAgain_ThenFail()
    {
        var scenario = await Scenario.StartAsync(shared.Environment);
        await scenario.ReadyEndpointAsync();
        var created = await scenario.CreateTaskAsync("flaky", SharedEnvironment.Failing, spec => spec.Retries = 1);

        var task = await scenario.TaskAsync("flaky", t => t.Status?.CurrentRun?.Attempt == 2 && t.Status.CurrentRun.Result is not null, "second attempt finished", TimeSpan.FromSeconds(60));

        Assert.Equal(2, scenario.BuildsOf(created, SharedEnvironment.Failing).Count);
        Assert.Equal("Failed", Conditions.Find(task.Status!.Conditions, "Succeeded")!.Reason);
        await scenario.AssertInvariantsAsync();
    }

    [Fact]
    public async Task DeletedEndpoint_MakesItsTasksReportEndpointNotReady()
    {
        var scenario = await Scenario.StartAsync(shared.Environment);
        await scenario.ReadyEndpointAsync();
        await scenario.CreateTaskAsync("build", SharedEnvironment.Quick);
        await scenario.FinishedAsync("build");

        await shared.Environment.Client.DeleteAsync<Entities.JenkinsEndpoints.JenkinsEndpoint>(new ObjectKey(scenario.Namespace, Scenario.EndpointName), Scenario.Ct);

        var task = await scenario.TaskAsync("build", t => Conditions.Find(t.Status?.Conditions, "Ready")?.Reason == "EndpointNotReady", "EndpointNotReady");
        Assert.Equal("True", Conditions.Find(task.Status!.Conditions, "Succeeded")!.Status);
    }

    [Fact]
    public async Task FiftyIdenticalTasks_OnAJobWithoutRunIdParameter_GetFiftyBuilds()
    {
        const int count = 50;
        var scenario = await Scenario.StartAsync(shared.Environment);
        await scenario.ReadyEndpointAsync();
        for (var i = 0; i < count; i++)
        {
            await scenario.CreateTaskAsync($"same-{i}", SharedEnvironment.QuickWithoutRunId, spec => spec.Parameters = [new TaskParameter { Name = "BRANCH", Value = "main" }]);
        }

        var tasks = await Eventually.HoldsAsync(
            async () => (await shared.Environment.Client.ListAsync<CiTask>(new ListOptions { Namespace = scenario.Namespace }, Scenario.Ct)).Items,
            items => items.Count == count && items.All(t => t.Status?.CurrentRun?.Result is not null),
            "all tasks finished", TimeSpan.FromSeconds(90), Scenario.Ct);

        var numbers = tasks.Select(t => t.Status!.CurrentRun!.BuildNumber).ToHashSet();
        Assert.Equal(count, numbers.Count);
        Assert.Equal(count, shared.Environment.Jenkins.ReceivedBuilds().Count(b => b.JobPath == SharedEnvironment.QuickWithoutRunId));
        await scenario.AssertInvariantsAsync();
    }
}
