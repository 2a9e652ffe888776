using System.Text.Json.Nodes;
using CiBridge.Entities;
using CiBridge.Entities.CiTasks;
using CiBridge.Entities.Conditions;
using CiBridge.Entities.JenkinsEndpoints;
using CiBridge.Jenkins.Models;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Models;
using CiBridge.Operator.Controllers.Tasks;
using CiBridge.Operator.Tests.Controllers.Support;

namespace CiBridge.Operator.Tests.Controllers;

/// <summary>CiTasks without spec.endpointRef: the namespace's default endpoint, and what happens when it is missing, doubled or moved.</summary>
public sealed class DefaultEndpointReconcileTests
{
    private static CancellationToken Ct => Harness.Ct;

    [Theory]
    [InlineData(new string[0], null, TaskReasons.NoDefaultEndpoint)]
    [InlineData(new[] { "b" }, "b", null)]
    [InlineData(new[] { "b", "a" }, null, TaskReasons.AmbiguousDefaultEndpoint)]
    public void Choose_OneDefaultOrTheReasonWhyNot(string[] defaults, string? chosen, string? reason)
    {
        var endpoints = defaults.Select(n => Annotated(Objects.Endpoint(n), "true")).Append(Annotated(Objects.Endpoint("c"), "false")).Append(Objects.Endpoint("d"));

        var (name, outcome) = DefaultEndpoint.Choose(endpoints, Objects.Namespace);

        Assert.Equal(chosen, name);
        Assert.Equal(reason ?? "", outcome.Reason);
        if (defaults.Length > 1) Assert.Contains("(\"a\", \"b\")", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TaskWithoutEndpointRef_RunsOnTheDefault_AndRecordsIt()
    {
        var harness = await DefaultHarnessAsync();
        await harness.Api.CreateAsync(WithoutEndpointRef(), Ct);

        await RunToTheEndAsync(harness);

        var task = (await harness.GetAsync<CiTask>(Harness.TaskKey))!;
        Assert.Equal(("JenkinsEndpoint", "jenkins"), (task.Status!.Endpoint!.Kind, task.Status.Endpoint.Name));
        Assert.Single(harness.Jenkins.Triggers);
    }

    [Fact]
    public async Task DefaultMovedMidRun_TheRunIsFollowedOnItsEndpoint_TheNextOneUsesTheNewDefault()
    {
        var harness = await DefaultHarnessAsync();
        await harness.Api.CreateAsync(WithoutEndpointRef(), Ct);
        await ReconcileAsync(harness);
        await ReconcileAsync(harness);                                      // triggered on "jenkins"
        await harness.Api.CreateAsync(Annotated(Objects.Endpoint("other"), "true"), Ct);
        await harness.Endpoints.ReconcileAsync(new ObjectKey(Objects.Namespace, "other"), Ct);
        await AnnotateAsync(harness, "jenkins", null);

        harness.Jenkins.StartQueued(harness.Time.GetUtcNow());
        harness.Jenkins.FinishBuilds(BuildResults.Success);
        await ReconcileAsync(harness);
        var finished = (await harness.GetAsync<CiTask>(Harness.TaskKey))!;
        await ReconcileAsync(harness);
        var idle = (await harness.GetAsync<CiTask>(Harness.TaskKey))!;

        Assert.Equal(BuildResults.Success, finished.Status!.CurrentRun!.Result);
        Assert.Equal("jenkins", finished.Status.Endpoint!.Name);
        Assert.Equal("other", idle.Status!.Endpoint!.Name);
        Assert.Equal(nameof(ConditionStatus.True), Conditions.StatusOf(idle.Status.Conditions, ConditionTypes.Ready)?.ToString());
    }

    [Fact]
    public async Task TwoDefaults_AmbiguousDefaultEndpoint_NothingTriggered()
    {
        var harness = await DefaultHarnessAsync();
        await harness.Api.CreateAsync(Annotated(Objects.Endpoint("second"), "true"), Ct);
        await harness.Api.CreateAsync(WithoutEndpointRef(), Ct);

        await ReconcileAsync(harness);
        await ReconcileAsync(harness);

        var ready = Conditions.Find((await harness.GetAsync<CiTask>(Harness.TaskKey))!.Status!.Conditions, ConditionTypes.Ready)!;
        Assert.Equal((nameof(ConditionStatus.False), TaskReasons.AmbiguousDefaultEndpoint), (ready.Status, ready.Reason));
        Assert.Contains("\"jenkins\", \"second\"", ready.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Jenkins.Triggers);
    }

    internal static async Task<Harness> DefaultHarnessAsync()
    {
        var harness = await new Harness().WithVerifiedEndpointAsync();
        await AnnotateAsync(harness, "jenkins", "true");
        harness.Jenkins.Jobs["platform/build"] = FakeJenkins.Job("platform/build");
        return harness;
    }

    private static CiTask WithoutEndpointRef()
    {
        var task = Objects.Task();
        task.Spec.EndpointRef = null;
        return task;
    }

    private static JenkinsEndpoint Annotated(JenkinsEndpoint endpoint, string value)
    {
        endpoint.Metadata.Annotations = new() { [CiBridgeApi.IsDefaultEndpointAnnotation] = value };
        return endpoint;
    }

    private static Task<JenkinsEndpoint> AnnotateAsync(Harness harness, string endpoint, string? value) =>
        harness.Api.PatchAsync<JenkinsEndpoint>(new ObjectKey(Objects.Namespace, endpoint),
            Patch.Merge(new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [CiBridgeApi.IsDefaultEndpointAnnotation] = value } } }), Ct);

    private static async Task RunToTheEndAsync(Harness harness)
    {
        await ReconcileAsync(harness);
        await ReconcileAsync(harness);
        harness.Jenkins.StartQueued(harness.Time.GetUtcNow());
        harness.Jenkins.FinishBuilds(BuildResults.Success);
        await ReconcileAsync(harness);
        await ReconcileAsync(harness);
    }

    private static Task<ReconcileResult> ReconcileAsync(Harness harness) => harness.Tasks.ReconcileAsync(Harness.TaskKey, Ct).AsTask();
}
