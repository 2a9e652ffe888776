using CiBridge.Sandbox.Tests.ApiServer.Support;

namespace CiBridge.Sandbox.Tests.ApiServer.Contract;

/// <summary>Validating admission webhooks: AdmissionReview contents, denial wording, failurePolicy, rules.</summary>
public sealed class WebhookTests
{
    private const string Configurations = "/apis/admissionregistration.k8s.io/v1/validatingwebhookconfigurations";

    [Fact]
    public async Task Webhook_DeniesThroughKubectl_WithKubesWording()
    {
        await using var webhook = await TestWebhook.StartAsync();
        var (kubectl, client, ns) = await KubectlScope.CreateAsync();
        var name = "deny-" + ns;
        Assert.Equal(201, (await client.PostAsync(Configurations, webhook.Configuration(name, ns))).Code);
        try
        {
            var task = Objects.CiTask("gitlab");
            task["spec"]!["endpointRef"]!["kind"] = "GitLabEndpoint";
            var denied = await kubectl.RunAsync(["apply", "-f", "-"], task.ToJsonString());
            Assert.NotEqual(0, denied.ExitCode);
            Assert.Contains("admission webhook \"approved-providers.cibridge.dev\" denied the request: provider kind \"GitLabEndpoint\" is not approved; approved kinds: JenkinsEndpoint", denied.Stderr, StringComparison.Ordinal);
            var allowed = await client.PostAsync(Objects.CiTasks(ns), Objects.CiTask("jenkins"));
            Assert.Equal(201, allowed.Code);
        }
        finally
        {
            await client.DeleteAsync($"{Configurations}/{name}");
        }
    }

    [Fact]
    public async Task Webhook_ReceivesAnAdmissionReviewV1()
    {
        await using var webhook = await TestWebhook.StartAsync();
        var (_, client, ns) = await KubectlScope.CreateAsync();
        var name = "review-" + ns;
        await client.PostAsync(Configurations, webhook.Configuration(name, ns));
        try
        {
            await client.PostAsync(Objects.CiTasks(ns) + "?dryRun=All", Objects.CiTask("reviewed"));
            var review = Assert.Single(webhook.Reviews);
            var request = review["request"]!;
            Assert.Equal("admission.k8s.io/v1", review["apiVersion"]?.ToString());
            Assert.False(string.IsNullOrEmpty(request["uid"]?.ToString()));
            Assert.Equal("CREATE", request["operation"]?.ToString());
            Assert.Equal("CiTask", request["kind"]?["kind"]?.ToString());
            Assert.Equal("citasks", request["resource"]?["resource"]?.ToString());
            Assert.Equal(ns, request["namespace"]?.ToString());
            Assert.Equal("reviewed", request["object"]?["metadata"]?["name"]?.ToString());
            Assert.True(request["dryRun"]!.GetValue<bool>());
            Assert.NotNull(request["userInfo"]?["username"]);
        }
        finally
        {
            await client.DeleteAsync($"{Configurations}/{name}");
        }
    }

    [Theory]
    [InlineData("Ignore", 201)]
    [InlineData("Fail", 500)]
    public async Task UnreachableWebhook_FollowsFailurePolicy(string policy, int expected)
    {
        await using var webhook = await TestWebhook.StartAsync();
        var (_, client, ns) = await KubectlScope.CreateAsync();
        var name = $"{policy.ToLowerInvariant()}-{ns}";
        await client.PostAsync(Configurations, webhook.Configuration(name, ns, policy, url: "https://127.0.0.1:1/validate"));
        try
        {
            var response = await client.PostAsync(Objects.CiTasks(ns), Objects.CiTask("t"));
            Assert.Equal(expected, response.Code);
            if (expected == 500) Assert.Contains("failed calling webhook \"approved-providers.cibridge.dev\"", response.Message, StringComparison.Ordinal);
        }
        finally
        {
            await client.DeleteAsync($"{Configurations}/{name}");
        }
    }

    [Fact]
    public async Task Webhook_NotMatchingTheRules_IsNotCalled()
    {
        await using var webhook = await TestWebhook.StartAsync();
        var (_, client, ns) = await KubectlScope.CreateAsync();
        var name = "rules-" + ns;
        await client.PostAsync(Configurations, webhook.Configuration(name, ns));
        try
        {
            Assert.Equal(201, (await client.PostAsync(Objects.ConfigMaps(ns), Objects.ConfigMap("cm"))).Code);
            var other = await Namespaces.CreateAsync(client);
            var task = Objects.CiTask("elsewhere");
            task["spec"]!["endpointRef"]!["kind"] = "GitLabEndpoint";
            Assert.Equal(201, (await client.PostAsync(Objects.CiTasks(other), task)).Code);
            Assert.Empty(webhook.Reviews);
        }
        finally
        {
            await client.DeleteAsync($"{Configurations}/{name}");
        }
    }

    [Fact]
    public async Task WebhookThatNeverAnswers_FailsAfterTimeoutSeconds()
    {
        await using var webhook = await TestWebhook.StartAsync();
        var (_, client, ns) = await KubectlScope.CreateAsync();
        var name = "hang-" + ns;
        var configuration = webhook.Configuration(name, ns, url: new Uri(webhook.Url, "/hang").ToString());
        configuration["webhooks"]![0]!["timeoutSeconds"] = 1;
        await client.PostAsync(Configurations, configuration);
        try
        {
            var response = await client.PostAsync(Objects.CiTasks(ns), Objects.CiTask("t"));
            Assert.Equal(500, response.Code);
            Assert.Contains("context deadline exceeded", response.Message, StringComparison.Ordinal);
        }
        finally
        {
            await client.DeleteAsync($"{Configurations}/{name}");
        }
    }
}
