using System.Net;
using System.Text.Json.Nodes;
using CiBridge.Operator.Webhooks;

namespace CiBridge.Operator.Tests.Webhooks;

/// <summary>The webhook over HTTP on loopback, as the API server would call it.</summary>
public sealed class AdmissionWebhookTests : IAsyncLifetime
{
    private WebhookHost? _host;

    public async ValueTask InitializeAsync() => _host = await WebhookHost.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
    }

    [Fact]
    public async Task CiTaskWithUnapprovedProvider_IsDeniedWithApprovedKindsNamed()
    {
        var review = await PostAsync("CiTask", "CREATE", Task("GitLabEndpoint"));

        Assert.Equal("uid-1", review["response"]!["uid"]!.GetValue<string>());
        Assert.False(review["response"]!["allowed"]!.GetValue<bool>());
        Assert.Equal(403, review["response"]!["status"]!["code"]!.GetValue<int>());
        Assert.Equal(
            "spec.endpointRef.kind: provider kind \"GitLabEndpoint\" is not approved; approved provider kinds: JenkinsEndpoint. New integrations need approval by the platform team.",
            review["response"]!["status"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task ValidCiTask_IsAllowed()
    {
        var review = await PostAsync("CiTask", "UPDATE", Task("JenkinsEndpoint"));

        Assert.True(review["response"]!["allowed"]!.GetValue<bool>());
    }

    [Fact]
    public async Task MalformedSpec_IsDeniedAsInvalid()
    {
        var task = Task("JenkinsEndpoint");
        task["spec"]!["job"] = "a//b";

        var review = await PostAsync("CiTask", "CREATE", task);

        Assert.Equal(422, review["response"]!["status"]!["code"]!.GetValue<int>());
        Assert.StartsWith("spec.job: \"a//b\" is not a job path", review["response"]!["status"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ObjectBeingDeleted_IsAllowedEvenIfNoLongerApproved()
    {
        var task = Task("GitLabEndpoint");
        task["metadata"]!["deletionTimestamp"] = "2026-01-01T00:00:00Z";

        var review = await PostAsync("CiTask", "UPDATE", task);

        Assert.True(review["response"]!["allowed"]!.GetValue<bool>());
    }

    [Fact]
    public async Task HttpEndpointUrl_IsDenied()
    {
        var endpoint = JsonNode.Parse("""
            {"apiVersion":"cibridge.dev/v1alpha1","kind":"JenkinsEndpoint","metadata":{"name":"j"},
             "spec":{"url":"http://jenkins.example.com/","credentialsSecretRef":{"name":"c"}}}
            """)!;

        var review = await PostAsync("JenkinsEndpoint", "CREATE", endpoint);

        Assert.False(review["response"]!["allowed"]!.GetValue<bool>());
        Assert.Contains("spec.url: uses http://", review["response"]!["status"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> MalformedObjects() => new()
    {
        { "spec null", """{"metadata":{"name":"x"},"spec":null}""", "spec: Required value" },
        { "metadata null", """{"metadata":null,"spec":{"endpointRef":{"name":"j"},"job":"a"}}""", "metadata: Required value" },
        { "parameter null", """{"metadata":{"name":"x"},"spec":{"endpointRef":{"name":"j"},"job":"a","parameters":[null]}}""", "spec.parameters[0]: must be an object" },
        { "retries as text", """{"metadata":{"name":"x"},"spec":{"endpointRef":{"name":"j"},"job":"a","retries":"three"}}""", "spec.retries: the value does not have the type" },
        { "retries as float", """{"metadata":{"name":"x"},"spec":{"endpointRef":{"name":"j"},"job":"a","retries":3.5}}""", "spec.retries: the value does not have the type" },
        { "timeout overflow", """{"metadata":{"name":"x"},"spec":{"endpointRef":{"name":"j"},"job":"a","timeout":"99999999999999999999h"}}""", "spec.timeout: \"99999999999999999999h\" is not a duration" },
    };

    [Theory]
    [MemberData(nameof(MalformedObjects))]
    public async Task MalformedCiTask_IsDeniedNamingTheField_NeverA500(string name, string json, string expected)
    {
        var review = await PostAsync("CiTask", "CREATE", JsonNode.Parse(json)!);

        var message = review["response"]!["status"]!["message"]!.GetValue<string>();
        Assert.False(review["response"]!["allowed"]!.GetValue<bool>(), name);
        Assert.StartsWith(expected, message, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyOverTls_PlainHttpGets404_AsTheHealthPortDoes()
    {
        await using var host = await WebhookHost.StartAsync(onlyOverTls: true);

        using var response = await host.Http.PostAsync(AdmissionEndpoints.Path, new StringContent("{}"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task NotAnAdmissionReview_Is400()
    {
        using var response = await _host!.Http.PostAsync(AdmissionEndpoints.Path, new StringContent("{not json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private Task<JsonNode> PostAsync(string kind, string operation, JsonNode obj) => _host!.ReviewAsync(kind, operation, obj);

    private static JsonNode Task(string providerKind) => JsonNode.Parse($$$"""
        {"apiVersion":"cibridge.dev/v1alpha1","kind":"CiTask","metadata":{"name":"x","namespace":"team-a"},
         "spec":{"endpointRef":{"kind":"{{{providerKind}}}","name":"jenkins-prod"},"job":"platform/build",
                 "parameters":[{"name":"BRANCH","value":"master"}]}}
        """)!;
}
