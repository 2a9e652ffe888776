using System.Globalization;
using CiBridge.Entities;
using CiBridge.Entities.CiTasks;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Models;
using CiBridge.Sandbox.Jenkins;
using CiBridge.TestKit;

namespace CiBridge.EndToEnd.Tests;

public sealed class TaskRunTests(SharedEnvironment shared)
{
    [Fact]
    public async Task Task_RunsOneBuildWithItsParameters_AndSucceeds()
    {
        const string canary = "canary-deploy-key-7c1e9b";
        var scenario = await Scenario.StartAsync(shared.Environment);
        await scenario.ReadyEndpointAsync();
        await shared.Environment.Client.CreateAsync(new Secret
        {
            Metadata = new ObjectMeta { Name = "deploy", Namespace = scenario.Namespace },
            Data = new() { ["key"] = System.Text.Encoding.UTF8.GetBytes(canary) },
        }, Scenario.Ct);
        var created = await scenario.CreateTaskAsync("build", SharedEnvironment.Quick, spec => spec.Parameters =
        [
            new TaskParameter { Name = "BRANCH", Value = "release" },
            new TaskParameter { Name = "DEPLOY_KEY", ValueFrom = new ParameterSource { SecretKeyRef = new KeySelector { Name = "deploy", Key = "key" } } },
        ]);

        var task = await scenario.FinishedAsync("build");

        Assert.Equal("True", Conditions.Find(task.Status!.Conditions, "Succeeded")!.Status);
        Assert.Equal("Succeeded", task.Status.Phase);
        var builds = scenario.BuildsOf(created, SharedEnvironment.Quick);
        var build = Assert.Single(builds);
        Assert.Equal("release", build.Parameters["BRANCH"]);
        Assert.Equal(canary, build.Parameters["DEPLOY_KEY"]);
        Assert.Equal(build.Number, task.Status.CurrentRun!.BuildNumber);
        Assert.Equal("SUCCESS", task.Status.CurrentRun.Result);
        Assert.Equal("0123456789abcdef0123456789abcdef01234567", task.Status.CurrentRun.BuiltRevision);
        Assert.NotNull(task.Status.CurrentRun.CompletionTime);
        StatusInvariants.AssertHold(task, task.Status.Conditions, task.Status.ObservedGeneration, shared.Environment.Json, canary);
        await scenario.AssertInvariantsAsync(canary, JenkinsStandInExample.ApiToken);
    }

    [Fact]
    public async Task Task_WhoseBuildFails_EndsFailed()
    {
        var scenario = await Scenario.StartAsync(shared.Environment);
        await scenario.ReadyEndpointAsync();
        await scenario.CreateTaskAsync("tests", SharedEnvironment.Failing);

        var task = await scenario.FinishedAsync("tests");

        var succeeded = Conditions.Find(task.Status!.Conditions, "Succeeded")!;
        Assert.Equal(("False", "Failed"), (succeeded.Status, succeeded.Reason));
        Assert.Equal("Failed", task.Status.Phase);
        Assert.Equal("FAILURE", task.Status.CurrentRun!.Result);
        var events = await Eventually.HoldsAsync(
            async () => (await shared.Environment.Client.ListAsync<Event>(new ListOptions { Namespace = scenario.Namespace }, Scenario.Ct)).Items,
            items => items.Any(e => e.Reason == "BuildLog"), "BuildLog event", ct: Scenario.Ct);
        Assert.Contains(events, e => e.Reason == "Failed" && e.Type == "Warning" && e.InvolvedObject.Name == "tests");
        Assert.Contains("Tests run: 3, Failures: 1", events.Single(e => e.Reason == "BuildLog").Message, StringComparison.Ordinal);
        await scenario.AssertInvariantsAsync(JenkinsStandInExample.ApiToken);
    }

    [Fact]
    public async Task NewRevision_StartsExactlyOneMoreBuild_ReapplyingStartsNone_AndTheAnnotationOneMore()
    {
        var scenario = await Scenario.StartAsync(shared.Environment);
        await scenario.ReadyEndpointAsync();
        var created = await scenario.CreateTaskAsync("deploy", SharedEnvironment.Quick);
        await scenario.FinishedAsync("deploy");

        await ChangeAsync(scenario, "deploy", t => t.Spec.Revision = "r2");
        var second = await scenario.TaskAsync("deploy", t => t.Status?.CurrentRun?.Revision == "r2" && t.Status.CurrentRun.Result is not null, "run of r2 finished");
        Assert.Equal(2, scenario.BuildsOf(created, SharedEnvironment.Quick).Count);
        Assert.Single(second.Status!.History!);

        await ChangeAsync(scenario, "deploy", t => t.Spec.Revision = "r2");   // the same manifest again
        await ChangeAsync(scenario, "deploy", t => (t.Metadata.Annotations ??= [])[CiBridgeApi.RunRequestedAtAnnotation] = "2026-11-22T10:00:00Z");
        var third = await scenario.TaskAsync("deploy", t => t.Status?.LastHandledRunRequest == "2026-11-22T10:00:00Z" && t.Status.CurrentRun?.Result is not null, "requested run finished");

        Assert.Equal(3, scenario.BuildsOf(created, SharedEnvironment.Quick).Count);
        Assert.Equal(2, third.Status!.History!.Count);
        await scenario.AssertInvariantsAsync(JenkinsStandInExample.ApiToken);
    }

    private static async Task ChangeAsync(Scenario scenario, string name, Action<CiTask> change)
    {
        var client = scenario.Environment.Client;
        for (var attempt = 0; ; attempt++)
        {
            var task = (await client.GetAsync<CiTask>(new ObjectKey(scenario.Namespace, name), Scenario.Ct))!;
            change(task);
            try
            {
                await client.ReplaceAsync(task, Scenario.Ct);
                return;
            }
            catch (ApiException e) when (e.StatusCode == 409 && attempt < 5)
            {
                // The operator wrote status meanwhile; read again, as kubectl edit would.
                _ = attempt.ToString(CultureInfo.InvariantCulture);
            }
        }
    }
}
