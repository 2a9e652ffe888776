using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Models;
using CiBridge.Sandbox.Jenkins;
using CiBridge.TestKit;

namespace CiBridge.EndToEnd.Tests;

/// <summary>
/// A subset of the end-to-end scenarios against a real API server (k3s), so that what the sandbox
/// lets through is also what a cluster accepts: Secrets, Events, Leases and our CRDs as kube validates them.
/// </summary>
[Collection(nameof(RealClusterTests))]
public sealed class RealClusterTests(RealClusterEnvironment cluster) : IClassFixture<RealClusterEnvironment>
{
    [Fact]
    public async Task Endpoint_IsVerified_AndATaskRunsOneBuildAndSucceeds()
    {
        var environment = await cluster.RequireAsync();
        var scenario = await Scenario.StartAsync(environment);
        await scenario.ReadyEndpointAsync();
        var created = await scenario.CreateTaskAsync("build", SharedEnvironment.Quick);

        var task = await scenario.FinishedAsync("build", TimeSpan.FromMinutes(2));

        Assert.Equal("True", Conditions.Find(task.Status!.Conditions, "Succeeded")!.Status);
        Assert.Single(scenario.BuildsOf(created, SharedEnvironment.Quick));
        await scenario.AssertInvariantsAsync(JenkinsStandInExample.ApiToken);
    }

    [Fact]
    public async Task FailingBuild_EndsFailed_WithEventsTheClusterAccepted()
    {
        var environment = await cluster.RequireAsync();
        var scenario = await Scenario.StartAsync(environment);
        await scenario.ReadyEndpointAsync();
        await scenario.CreateTaskAsync("tests", SharedEnvironment.Failing);

        var task = await scenario.FinishedAsync("tests", TimeSpan.FromMinutes(2));

        Assert.Equal("Failed", task.Status!.Phase);
        var events = await Eventually.HoldsAsync(
            async () => (await environment.Client.ListAsync<Event>(new ListOptions { Namespace = scenario.Namespace }, Scenario.Ct)).Items,
            items => items.Any(e => e.Reason == "Failed" && e.InvolvedObject.Name == "tests"), "Failed event", TimeSpan.FromMinutes(1), Scenario.Ct);
        Assert.All(events, e => Assert.Equal(scenario.Namespace, e.InvolvedObject.Namespace));
        await scenario.AssertInvariantsAsync(JenkinsStandInExample.ApiToken);
    }

    [Fact]
    public async Task WrongToken_FailsAuthentication_UntilTheSecretIsRotated()
    {
        const string canary = "canary-k3s-wrong-token-2b7e";
        var environment = await cluster.RequireAsync();
        var scenario = await Scenario.StartAsync(environment);
        await scenario.CreateCredentialsAsync(canary);
        await scenario.CreateEndpointAsync();
        await scenario.EndpointAsync(e => Conditions.Find(e.Status?.Conditions, "Ready")?.Reason == "AuthenticationFailed", "AuthenticationFailed",
            timeout: TimeSpan.FromMinutes(1));

        var secret = (await environment.Client.GetAsync<Secret>(new ObjectKey(scenario.Namespace, Scenario.CredentialsName), Scenario.Ct))!;
        secret.Data!["token"] = System.Text.Encoding.UTF8.GetBytes(JenkinsStandInExample.ApiToken);
        await environment.Client.ReplaceAsync(secret, Scenario.Ct);

        await scenario.EndpointAsync(e => Conditions.IsTrue(e.Status?.Conditions, "Ready"), "Ready=True after rotation", timeout: TimeSpan.FromMinutes(1));
        await scenario.AssertInvariantsAsync(canary);
    }

    [Fact]
    public async Task Operator_HoldsItsLeaderLease()
    {
        var environment = await cluster.RequireAsync();
        var lease = await Eventually.HoldsAsync(
            async () => await environment.Client.GetAsync<Lease>(new ObjectKey(RealClusterEnvironment.LeaderNamespace, RealClusterEnvironment.LeaderLease), Scenario.Ct),
            l => !string.IsNullOrEmpty(l?.Spec?.HolderIdentity), "leader lease held", TimeSpan.FromMinutes(1), Scenario.Ct);
        Assert.True(lease!.Spec!.LeaseDurationSeconds > 0);
    }
}
