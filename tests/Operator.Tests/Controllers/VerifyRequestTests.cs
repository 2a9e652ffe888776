using System.Text.Json.Nodes;
using CiBridge.Entities;
using CiBridge.Entities.Conditions;
using CiBridge.Entities.JenkinsEndpoints;
using CiBridge.Jenkins.Models;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Models;
using CiBridge.Operator.Hosting;
using CiBridge.Operator.Tests.Controllers.Support;

namespace CiBridge.Operator.Tests.Controllers;

/// <summary>The <c>cibridge.dev/verify-requested-at</c> annotation: the "Verify" button, declared.</summary>
public sealed class VerifyRequestTests
{
    private static CancellationToken Ct => Harness.Ct;

    [Fact]
    public async Task NewRequestValue_OnAVerifiedEndpoint_QueuesIt_VerifiesAtOnce_AndRecordsTheValue()
    {
        var harness = await new Harness().WithVerifiedEndpointAsync();
        harness.Jenkins.Requests.Clear();
        var before = (await harness.GetAsync<JenkinsEndpoint>(Harness.EndpointKey))!;

        var after = await RequestAsync(harness, "2030-01-01T12:00:30Z");
        var result = await harness.Endpoints.ReconcileAsync(Harness.EndpointKey, Ct);

        var endpoint = (await harness.GetAsync<JenkinsEndpoint>(Harness.EndpointKey))!;
        Assert.True(Predicates.SpecOrRequest(ControllerWiring.EndpointRequests)(before, after));
        Assert.Contains(nameof(FakeJenkins.VerifyAsync), harness.Jenkins.Requests);
        Assert.Equal("2030-01-01T12:00:30Z", endpoint.Status!.LastHandledVerifyRequest);
        Assert.Equal(EndpointReasons.Verified, Conditions.Find(endpoint.Status.Conditions, ConditionTypes.Ready)!.Reason);
        Assert.Equal(ReconcileResult.After(TimeSpan.FromMinutes(5)), result);
    }

    [Fact]
    public async Task HandledRequestValue_DoesNotVerifyAgain()
    {
        var harness = await new Harness().WithVerifiedEndpointAsync();
        await RequestAsync(harness, "first");
        await harness.Endpoints.ReconcileAsync(Harness.EndpointKey, Ct);
        harness.Jenkins.Requests.Clear();

        // Re-applying the same manifest (same value) and a resync bring the key back; nothing is due.
        await RequestAsync(harness, "first");
        await harness.Endpoints.ReconcileAsync(Harness.EndpointKey, Ct);

        Assert.Empty(harness.Jenkins.Requests);
    }

    [Fact]
    public async Task Request_AfterRejectedCredentials_IsAnsweredWithTheReason_ThenVerifiedOnceTheSecretIsFixed()
    {
        var harness = await new Harness().WithVerifiedEndpointAsync();
        harness.Jenkins.Verification = new VerifyOutcome(VerifyStatus.Unauthorized, "Jenkins answered 401 for user robot");

        await RequestAsync(harness, "after-rotation");
        await harness.Endpoints.ReconcileAsync(Harness.EndpointKey, Ct);
        var rejected = (await harness.GetAsync<JenkinsEndpoint>(Harness.EndpointKey))!;
        harness.Jenkins.Verification = new VerifyOutcome(VerifyStatus.Verified, "verified", "2.479", "robot");
        await RequestAsync(harness, "after-fix");
        await harness.Endpoints.ReconcileAsync(Harness.EndpointKey, Ct);
        var verified = (await harness.GetAsync<JenkinsEndpoint>(Harness.EndpointKey))!;

        Assert.Equal("after-rotation", rejected.Status!.LastHandledVerifyRequest);
        Assert.Equal(EndpointReasons.AuthenticationFailed, Conditions.Find(rejected.Status.Conditions, ConditionTypes.Ready)!.Reason);
        Assert.Equal("after-fix", verified.Status!.LastHandledVerifyRequest);
        Assert.True(Conditions.IsTrue(verified.Status.Conditions, ConditionTypes.Ready));
    }

    [Fact]
    public async Task Request_ForAnEndpointWithoutItsSecret_IsAnsweredWithSecretNotFound()
    {
        var harness = new Harness();
        await harness.Api.CreateAsync(Objects.Endpoint(), Ct);
        await harness.Endpoints.ReconcileAsync(Harness.EndpointKey, Ct);

        await RequestAsync(harness, "now");
        await harness.Endpoints.ReconcileAsync(Harness.EndpointKey, Ct);

        var endpoint = (await harness.GetAsync<JenkinsEndpoint>(Harness.EndpointKey))!;
        Assert.Equal("now", endpoint.Status!.LastHandledVerifyRequest);
        Assert.Equal(EndpointReasons.SecretNotFound, Conditions.Find(endpoint.Status.Conditions, ConditionTypes.Ready)!.Reason);
        Assert.DoesNotContain(nameof(FakeJenkins.VerifyAsync), harness.Jenkins.Requests);
    }

    [Fact]
    public async Task LongRequestValue_IsRecordedShortenedWithADigest_AndAnsweredOnce()
    {
        var harness = await new Harness().WithVerifiedEndpointAsync();
        var value = new string('x', 300);

        await RequestAsync(harness, value);
        await harness.Endpoints.ReconcileAsync(Harness.EndpointKey, Ct);
        harness.Jenkins.Requests.Clear();
        await harness.Endpoints.ReconcileAsync(Harness.EndpointKey, Ct);

        var handled = (await harness.GetAsync<JenkinsEndpoint>(Harness.EndpointKey))!.Status!.LastHandledVerifyRequest!;
        Assert.Equal(JenkinsEndpointStatus.MaxVerifyRequestLength, handled.Length);
        Assert.Contains("…sha256:", handled, StringComparison.Ordinal);
        Assert.Equal(EndpointStatusFit.HandledRequest(value), handled);
        Assert.Empty(harness.Jenkins.Requests);
    }

    private static Task<JenkinsEndpoint> RequestAsync(Harness harness, string value) =>
        harness.Api.PatchAsync<JenkinsEndpoint>(Harness.EndpointKey, Patch.Merge(new JsonObject
        {
            ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [CiBridgeApi.VerifyRequestedAtAnnotation] = value } },
        }), Ct);
}
