using System.Text.Json.Nodes;
using CiBridge.Entities.Conditions;
using CiBridge.Entities.JenkinsEndpoints;
using CiBridge.Jenkins.Models;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Models;
using CiBridge.Operator.Hosting;
using CiBridge.Operator.Tests.Controllers.Support;

namespace CiBridge.Operator.Tests.Controllers;

/// <summary>The endpoint reconciler against an in-memory API and a fake Jenkins, on a fake clock.</summary>
public sealed class EndpointReconcilerTests
{
    private static CancellationToken Ct => Harness.Ct;

    [Fact]
    public async Task NewEndpoint_IsVerified_ListsJobs_AndComesBackAtItsInterval()
    {
        var harness = new Harness();
        harness.Jenkins.Jobs["platform/build"] = FakeJenkins.Job("platform/build");
        await harness.Api.CreateAsync(Objects.Credentials(), Ct);
        await harness.Api.CreateAsync(Objects.Endpoint(), Ct);

        var result = await harness.Endpoints.ReconcileAsync(Harness.EndpointKey, Ct);

        var endpoint = (await harness.GetAsync<JenkinsEndpoint>(Harness.EndpointKey))!;
        Assert.Equal(ReconcileResult.After(TimeSpan.FromMinutes(5)), result);
        Assert.Equal(EndpointReasons.Verified, Conditions.Find(endpoint.Status!.Conditions, ConditionTypes.Ready)!.Reason);
        Assert.Equal("robot", endpoint.Status.AuthenticatedAs);
        Assert.Equal(["platform/build"], endpoint.Status.Jobs!.Select(j => j.FullName));
        Assert.Equal([(EventTypes.Normal, EndpointReasons.Verified)], harness.Events.Recorded.Select(e => (e.Type, e.Reason)));
    }

    [Fact]
    public async Task DiscoveredJobUrls_KeepJenkinsEscaping()
    {
        var harness = new Harness();
        harness.Jenkins.Jobs["my job (v2)"] = FakeJenkins.Job("my job (v2)") with { Url = new Uri("http://jenkins.test/job/my%20job%20(v2)/") };
        await harness.Api.CreateAsync(Objects.Credentials(), Ct);
        await harness.Api.CreateAsync(Objects.Endpoint(), Ct);

        await harness.Endpoints.ReconcileAsync(Harness.EndpointKey, Ct);

        var endpoint = (await harness.GetAsync<JenkinsEndpoint>(Harness.EndpointKey))!;
        Assert.Equal(["http://jenkins.test/job/my%20job%20(v2)/"], endpoint.Status!.Jobs!.Select(j => j.Url));
    }

    [Fact]
    public async Task StatusOnlyUpdateOfAVerifiedEndpoint_CausesNoJenkinsRequest()
    {
        var harness = await new Harness().WithVerifiedEndpointAsync();
        harness.Jenkins.Requests.Clear();
        var before = (await harness.GetAsync<JenkinsEndpoint>(Harness.EndpointKey))!;

        var patch = new JsonObject { ["status"] = new JsonObject { ["jobCount"] = 42 } };
        var after = await harness.Api.Status.PatchStatusAsync<JenkinsEndpoint>(Harness.EndpointKey, Patch.Merge(patch), Ct);
        var queued = Predicates.SpecOrRequest(ControllerWiring.EndpointRequests)(before, after);
        // Even when the key comes back for another reason (a resync), the verification is not due.
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        var result = await harness.Endpoints.ReconcileAsync(Harness.EndpointKey, Ct);

        Assert.False(queued);
        Assert.Empty(harness.Jenkins.Requests);
        Assert.Equal(ReconcileResult.After(TimeSpan.FromMinutes(4)), result);
    }

    private static readonly Dictionary<string, Func<Harness, Task>> s_changes = new()
    {
        ["Secret rotated"] = RotateTokenAsync,
        ["spec changed"] = h => h.Api.PatchAsync<JenkinsEndpoint>(Harness.EndpointKey, Patch.Merge(new JsonObject { ["spec"] = new JsonObject { ["verifyInterval"] = "10m" } }), Ct),
        ["interval passed"] = h =>
        {
            h.Time.Advance(TimeSpan.FromMinutes(5));
            return Task.CompletedTask;
        },
    };

    public static TheoryData<string> Changes => [.. s_changes.Keys];

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task VerifiedEndpoint_IsVerifiedAgain_When(string change)
    {
        var harness = await new Harness().WithVerifiedEndpointAsync();
        harness.Jenkins.Requests.Clear();

        await s_changes[change](harness);
        await harness.Endpoints.ReconcileAsync(Harness.EndpointKey, Ct);

        Assert.True(harness.Jenkins.Requests.Contains(nameof(FakeJenkins.VerifyAsync)), change);
    }

    [Fact]
    public async Task UnreachableJenkins_IsRetriedWithBackOff_ThenVerifiedAgain()
    {
        var harness = await new Harness().WithVerifiedEndpointAsync();
        harness.Jenkins.Down = true;
        harness.Time.Advance(TimeSpan.FromMinutes(5));

        var failed = await harness.Endpoints.ReconcileAsync(Harness.EndpointKey, Ct);
        var unreachable = (await harness.GetAsync<JenkinsEndpoint>(Harness.EndpointKey))!;
        harness.Jenkins.Down = false;
        var recovered = await harness.Endpoints.ReconcileAsync(Harness.EndpointKey, Ct);

        Assert.IsType<ReconcileResult.RetryResult>(failed);
        Assert.Equal(EndpointReasons.Unreachable, Conditions.Find(unreachable.Status!.Conditions, ConditionTypes.Ready)!.Reason);
        Assert.Null(Conditions.Find(unreachable.Status.Conditions, ConditionTypes.Stalled));
        Assert.IsType<ReconcileResult.AfterResult>(recovered);
        Assert.Equal([EndpointReasons.Verified, EndpointReasons.Unreachable, EndpointReasons.Verified], harness.Events.Reasons);
    }

    [Fact]
    public async Task RejectedCredentials_StallTheEndpoint_WithoutAnyRetryBeforeTheInterval()
    {
        var harness = new Harness();
        harness.Jenkins.Verification = new VerifyOutcome(VerifyStatus.Unauthorized, "401 for user robot");
        await harness.Api.CreateAsync(Objects.Credentials(), Ct);
        await harness.Api.CreateAsync(Objects.Endpoint(), Ct);

        var result = await harness.Endpoints.ReconcileAsync(Harness.EndpointKey, Ct);

        var endpoint = (await harness.GetAsync<JenkinsEndpoint>(Harness.EndpointKey))!;
        Assert.Equal(ReconcileResult.After(TimeSpan.FromMinutes(5)), result);
        Assert.Equal(nameof(ConditionStatus.True), Conditions.Find(endpoint.Status!.Conditions, ConditionTypes.Stalled)!.Status);
        Assert.DoesNotContain(Objects.Token, System.Text.Json.JsonSerializer.Serialize(endpoint.Status, harness.Json), StringComparison.Ordinal);
    }

    private static async Task RotateTokenAsync(Harness harness)
    {
        var secret = (await harness.GetAsync<Secret>(new ObjectKey(Objects.Namespace, "jenkins-credentials")))!;
        secret.Data!["token"] = System.Text.Encoding.UTF8.GetBytes("rotated-token");
        await harness.Api.ReplaceAsync(secret, Ct);
    }
}
