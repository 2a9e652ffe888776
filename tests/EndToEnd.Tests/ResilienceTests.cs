using System.Text.Json.Nodes;
using CiBridge.Entities.CiTasks;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Models;
using CiBridge.Operator.Controllers.Tasks;
using CiBridge.Sandbox.ApiServer;
using CiBridge.Sandbox.Jenkins.Faults;
using CiBridge.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace CiBridge.EndToEnd.Tests;

/// <summary>Scenarios that stop the operator or break Jenkins, each in an environment of its own.</summary>
public sealed class ResilienceTests
{
    [Fact]
    public async Task OperatorKilledRightAfterTriggering_AndRestarted_StartsNoSecondBuild()
    {
        await using var environment = await OperatorEnvironment.StartAsync(Scenario.Ct);
        SharedEnvironment.AddTestJobs(environment.Jenkins);
        var scenario = await Scenario.StartAsync(environment);
        await scenario.ReadyEndpointAsync();
        var created = await scenario.CreateTaskAsync("deploy", SharedEnvironment.Quick);

        await Eventually.HoldsAsync(() => environment.Jenkins.ReceivedBuilds().Count + environment.Jenkins.QueueLength > 0, "Jenkins got the trigger", ct: Scenario.Ct);
        await environment.StopOperatorAsync();
        await environment.StartOperatorAsync(Scenario.Ct);

        var task = await scenario.FinishedAsync("deploy");
        Assert.Equal("True", Conditions.Find(task.Status!.Conditions, "Succeeded")!.Status);
        Assert.Single(scenario.BuildsOf(created, SharedEnvironment.Quick));
        await scenario.AssertInvariantsAsync(Sandbox.Jenkins.JenkinsStandInExample.ApiToken);
    }

    [Fact]
    public async Task LostTriggerResponse_IsResolvedByFindingTheBuild()
    {
        await using var environment = await OperatorEnvironment.StartAsync(Scenario.Ct);
        SharedEnvironment.AddTestJobs(environment.Jenkins);
        var scenario = await Scenario.StartAsync(environment);
        await scenario.ReadyEndpointAsync();
        environment.Jenkins.InjectFault(new StandInFault(FaultKind.ResetAfterHandling, PathContains: "buildWithParameters", Method: "POST", Times: 1));

        var created = await scenario.CreateTaskAsync("deploy", SharedEnvironment.Quick);
        await scenario.FinishedAsync("deploy");

        Assert.Single(scenario.BuildsOf(created, SharedEnvironment.Quick));
    }

    [Fact]
    public async Task BadGatewayAfterJenkinsAccepted_OnAJobWithoutRunId_StartsExactlyOneBuild_AndTheTaskReportsIt()
    {
        await using var environment = await OperatorEnvironment.StartAsync(Scenario.Ct);
        SharedEnvironment.AddTestJobs(environment.Jenkins);
        var scenario = await Scenario.StartAsync(environment);
        await scenario.ReadyEndpointAsync();
        environment.Jenkins.InjectFault(new StandInFault(FaultKind.BadGatewayAfterHandling, PathContains: "buildWithParameters", Method: "POST", Times: 1));

        await scenario.CreateTaskAsync("deploy", SharedEnvironment.QuickWithoutRunId, spec => spec.Parameters = [new TaskParameter { Name = "BRANCH", Value = "release" }]);
        var task = await scenario.FinishedAsync("deploy");

        Assert.Equal(1, environment.Jenkins.InjectedFaults.GetValueOrDefault(nameof(FaultKind.BadGatewayAfterHandling)));
        var build = Assert.Single(environment.Jenkins.ReceivedBuilds());
        Assert.Equal("release", build.Parameters["BRANCH"]);
        Assert.Equal((build.QueueId, build.Number), (task.Status!.CurrentRun!.QueueItemId, (int?)task.Status.CurrentRun.BuildNumber));
        Assert.Equal("True", Conditions.Find(task.Status.Conditions, "Succeeded")!.Status);
        await scenario.AssertInvariantsAsync(Sandbox.Jenkins.JenkinsStandInExample.ApiToken);
    }

    [Fact]
    public async Task DeletingWhileJenkinsIsGone_RemovesTheFinalizerAfterBoundedAttempts_AndSaysSo()
    {
        await using var environment = await OperatorEnvironment.StartAsync(Scenario.Ct,
            services => services.AddSingleton(new CleanupPolicy(3, TimeSpan.FromMilliseconds(200))));
        SharedEnvironment.AddTestJobs(environment.Jenkins);
        var scenario = await Scenario.StartAsync(environment);
        await scenario.ReadyEndpointAsync();
        await scenario.CreateTaskAsync("stuck", SharedEnvironment.Slow);
        await scenario.TaskAsync("stuck", t => t.Status?.Phase == "Running", "Running");

        environment.Jenkins.InjectFault(new StandInFault(FaultKind.Reset));
        await environment.Client.DeleteAsync<CiTask>(new(scenario.Namespace, "stuck"), Scenario.Ct);

        await Eventually.HoldsAsync(async () => await environment.Client.GetAsync<CiTask>(new(scenario.Namespace, "stuck"), Scenario.Ct),
            t => t is null, "CiTask gone", ct: Scenario.Ct);
        var events = await Eventually.HoldsAsync(
            async () => (await environment.Client.ListAsync<Event>(new ListOptions { Namespace = scenario.Namespace }, Scenario.Ct)).Items,
            items => items.Any(e => e.Reason == "CleanupAbandoned"), "CleanupAbandoned event", ct: Scenario.Ct);
        Assert.Contains("after 3 attempts", events.Single(e => e.Reason == "CleanupAbandoned").Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JenkinsDown_MakesTheEndpointUnreachable_ThenItRecovers()
    {
        await using var environment = await OperatorEnvironment.StartAsync(Scenario.Ct);
        var scenario = await Scenario.StartAsync(environment);
        await scenario.ReadyEndpointAsync();

        environment.Jenkins.InjectFault(new StandInFault(FaultKind.Reset));
        await RequestVerificationAsync(scenario);
        await scenario.EndpointAsync(e => Conditions.Find(e.Status?.Conditions, "Ready")?.Reason == "Unreachable", "Unreachable");

        environment.Jenkins.ClearFaults();
        await scenario.EndpointAsync(e => Conditions.IsTrue(e.Status?.Conditions, "Ready"), "Ready again", timeout: TimeSpan.FromSeconds(60));
        await scenario.AssertInvariantsAsync(Sandbox.Jenkins.JenkinsStandInExample.ApiToken);
    }

    [Fact]
    public async Task IdleFinishedTasksAndVerifiedEndpoints_CauseNoWrites()
    {
        const int endpoints = 20, tasks = 200;
        await using var environment = await OperatorEnvironment.StartAsync(Scenario.Ct);
        SharedEnvironment.AddTestJobs(environment.Jenkins);
        var scenario = await Scenario.StartAsync(environment);
        await scenario.CreateCredentialsAsync(Sandbox.Jenkins.JenkinsStandInExample.ApiToken);
        for (var i = 0; i < endpoints; i++) await scenario.CreateEndpointAsync(name: $"jenkins-{i}");
        for (var i = 0; i < tasks; i++)
        {
            await scenario.CreateTaskAsync($"task-{i}", SharedEnvironment.Quick, spec => spec.EndpointRef!.Name = $"jenkins-{i % endpoints}");
        }
        await Eventually.HoldsAsync(
            async () => (await environment.Client.ListAsync<CiTask>(new ListOptions { Namespace = scenario.Namespace }, Scenario.Ct)).Items,
            items => items.Count == tasks && items.All(t => t.Status?.CurrentRun?.Result is not null && t.Status.Phase == "Succeeded"),
            "all finished", TimeSpan.FromSeconds(120), Scenario.Ct);

        var before = await StatusWritesAsync(environment);
        foreach (var task in Enumerable.Range(0, tasks))
        {
            // A label change asks for no work: the event filter keeps it from queueing the task at all.
            var label = new JsonObject { ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["touched"] = "yes" } } };
            await environment.Client.PatchAsync<CiTask>(new(scenario.Namespace, $"task-{task}"), Patch.Merge(label), Scenario.Ct);
        }
        // The measured window itself: there is no condition to await, only writes that must not come.
        await Task.Delay(TimeSpan.FromSeconds(3), Scenario.Ct);
        Assert.Equal(before, await StatusWritesAsync(environment));

        // A restart reconciles every task (and verifies every endpoint again, which requeues its
        // tasks once more): finished tasks still write nothing.
        var taskWrites = await StatusWritesAsync(environment, "citasks");
        var endpointWrites = await StatusWritesAsync(environment, "jenkinsendpoints");
        await environment.StopOperatorAsync();
        await environment.StartOperatorAsync(Scenario.Ct);
        await Eventually.HoldsAsync(() => StatusWritesAsync(environment, "jenkinsendpoints"), n => n >= endpointWrites + endpoints,
            "every endpoint verified again", TimeSpan.FromSeconds(60), Scenario.Ct);
        await Task.Delay(TimeSpan.FromSeconds(3), Scenario.Ct);

        Assert.Equal(taskWrites, await StatusWritesAsync(environment, "citasks"));
    }

    /// <summary>Changes the endpoint's spec so the operator verifies it now instead of in five minutes.</summary>
    private static async Task RequestVerificationAsync(Scenario scenario)
    {
        var client = scenario.Environment.Client;
        var patch = new JsonObject { ["spec"] = new JsonObject { ["verifyInterval"] = "11s" } };
        await client.PatchAsync<Entities.JenkinsEndpoints.JenkinsEndpoint>(new(scenario.Namespace, Scenario.EndpointName), Patch.Merge(patch), Scenario.Ct);
    }

    /// <summary>Writes to status subresources the sandbox counted (only the operator writes status), of one resource or all.</summary>
    private static async Task<long> StatusWritesAsync(OperatorEnvironment environment, string resource = "")
    {
        using var http = environment.Api.CreateHttpClient(maxConnectionsPerServer: 4, TimeSpan.FromSeconds(60));
        var counts = JsonNode.Parse(await http.GetStringAsync("/sandbox/requests", Scenario.Ct))!;
        return counts["items"]!.AsArray()
            .Where(i => i!["resource"]!.GetValue<string>() is var name && name.StartsWith(resource, StringComparison.Ordinal) && name.EndsWith("/status", StringComparison.Ordinal))
            .Where(i => i!["verb"]!.GetValue<string>() is not ("get" or "list" or "watch"))
            .Sum(i => i!["count"]!.GetValue<long>());
    }
}
