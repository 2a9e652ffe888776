using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Models;
using CiBridge.Sandbox.Jenkins;

namespace CiBridge.EndToEnd.Tests;

public sealed class EndpointVerificationTests(SharedEnvironment shared)
{
    [Fact]
    public async Task Endpoint_WithGoodCredentials_IsVerifiedAndListsJobs()
    {
        var scenario = await Scenario.StartAsync(shared.Environment);
        await scenario.CreateCredentialsAsync(JenkinsStandInExample.ApiToken);
        await scenario.CreateEndpointAsync();

        var endpoint = await scenario.EndpointAsync(e => Conditions.IsTrue(e.Status?.Conditions, "Ready"), "Ready=True");

        Assert.Equal("Verified", Conditions.Find(endpoint.Status!.Conditions, "Ready")!.Reason);
        Assert.Equal(shared.Environment.Jenkins.Options.Version, endpoint.Status.JenkinsVersion);
        Assert.Equal(JenkinsStandInExample.User, endpoint.Status.AuthenticatedAs);
        Assert.Contains(endpoint.Status.Jobs!, j => j.FullName == JenkinsStandInExample.BuildWar);
        Assert.NotNull(endpoint.Status.LastVerifiedTime);
        StatusInvariants.AssertHold(endpoint, endpoint.Status.Conditions, endpoint.Status.ObservedGeneration, shared.Environment.Json, JenkinsStandInExample.ApiToken);
    }

    [Fact]
    public async Task Endpoint_WithWrongToken_FailsAuthentication_ThenRotatingTheSecretVerifiesAtOnce()
    {
        const string canary = "canary-wrong-token-4f9d2c";
        var scenario = await Scenario.StartAsync(shared.Environment);
        await scenario.CreateCredentialsAsync(canary);
        await scenario.CreateEndpointAsync();

        var failed = await scenario.EndpointAsync(e => Conditions.Find(e.Status?.Conditions, "Ready")?.Reason == "AuthenticationFailed", "AuthenticationFailed");
        Assert.True(Conditions.IsTrue(failed.Status!.Conditions, "Stalled"));
        StatusInvariants.AssertHold(failed, failed.Status.Conditions, failed.Status.ObservedGeneration, shared.Environment.Json, canary);

        var secret = (await shared.Environment.Client.GetAsync<Secret>(new ObjectKey(scenario.Namespace, Scenario.CredentialsName), Scenario.Ct))!;
        secret.Data!["token"] = System.Text.Encoding.UTF8.GetBytes(JenkinsStandInExample.ApiToken);
        await shared.Environment.Client.ReplaceAsync(secret, Scenario.Ct);

        // The verify interval is 5 minutes: only the Secret watch can make this happen in time.
        var fixedEndpoint = await scenario.EndpointAsync(e => Conditions.IsTrue(e.Status?.Conditions, "Ready"), "Ready=True after rotation");
        Assert.Null(Conditions.Find(fixedEndpoint.Status!.Conditions, "Stalled"));
        await scenario.AssertInvariantsAsync(canary);
    }

    [Fact]
    public async Task Endpoint_WithoutItsSecret_ReportsSecretNotFound()
    {
        var scenario = await Scenario.StartAsync(shared.Environment);
        await scenario.CreateEndpointAsync();

        var endpoint = await scenario.EndpointAsync(e => Conditions.Find(e.Status?.Conditions, "Ready")?.Reason == "SecretNotFound", "SecretNotFound");

        Assert.Contains(Scenario.CredentialsName, Conditions.Find(endpoint.Status!.Conditions, "Ready")!.Message, StringComparison.Ordinal);
        await scenario.AssertInvariantsAsync();
    }
}
