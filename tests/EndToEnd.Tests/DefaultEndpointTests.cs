using System.Text.Json.Nodes;
using CiBridge.Entities;
using CiBridge.Entities.JenkinsEndpoints;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Models;
using CiBridge.Sandbox.Jenkins;

namespace CiBridge.EndToEnd.Tests;

/// <summary>CiTasks without spec.endpointRef run on the JenkinsEndpoint annotated as the namespace's default.</summary>
public sealed class DefaultEndpointTests(SharedEnvironment shared)
{
    [Fact]
    public async Task TaskWithoutEndpointRef_RunsOnTheDefault_ThenReportsAmbiguousAndNoDefault()
    {
        var scenario = await Scenario.StartAsync(shared.Environment);
        await scenario.CreateCredentialsAsync(JenkinsStandInExample.ApiToken);
        await scenario.CreateEndpointAsync(name: "other");
        await scenario.CreateEndpointAsync(name: "main");
        await MarkDefaultAsync(scenario, "main", true);
        var created = await scenario.CreateTaskAsync("build", SharedEnvironment.Quick, spec => spec.EndpointRef = null);

        var task = await scenario.FinishedAsync("build");

        Assert.Equal("main", task.Status!.Endpoint!.Name);
        Assert.Equal("JenkinsEndpoint", task.Status.Endpoint.Kind);
        Assert.Equal("True", Conditions.Find(task.Status.Conditions, "Succeeded")!.Status);
        Assert.Single(scenario.BuildsOf(created, SharedEnvironment.Quick));

        await MarkDefaultAsync(scenario, "other", true);
        var ambiguous = await ReadyReasonAsync(scenario, "build", "AmbiguousDefaultEndpoint");
        Assert.Contains("\"main\"", ambiguous.Message, StringComparison.Ordinal);
        Assert.Contains("\"other\"", ambiguous.Message, StringComparison.Ordinal);

        await MarkDefaultAsync(scenario, "main", false);
        await MarkDefaultAsync(scenario, "other", false);
        var none = await ReadyReasonAsync(scenario, "build", "NoDefaultEndpoint");
        Assert.Contains(CiBridgeApi.IsDefaultEndpointAnnotation, none.Message, StringComparison.Ordinal);
        Assert.Single(scenario.BuildsOf(created, SharedEnvironment.Quick));   // losing the default starts nothing
        await scenario.AssertInvariantsAsync(JenkinsStandInExample.ApiToken);
    }

    private static async Task<Condition> ReadyReasonAsync(Scenario scenario, string name, string reason)
    {
        var task = await scenario.TaskAsync(name, t => Conditions.Find(t.Status?.Conditions, "Ready") is { Status: "False" } ready && ready.Reason == reason, $"Ready=False {reason}");
        return Conditions.Find(task.Status!.Conditions, "Ready")!;
    }

    internal static async Task MarkDefaultAsync(Scenario scenario, string endpoint, bool isDefault)
    {
        var patch = new JsonObject
        {
            ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [CiBridgeApi.IsDefaultEndpointAnnotation] = isDefault ? "true" : null } },
        };
        await scenario.Environment.Client.PatchAsync<JenkinsEndpoint>(new ObjectKey(scenario.Namespace, endpoint), Patch.Merge(patch), Scenario.Ct);
    }
}
