using System.Text.Json;
using System.Text.Json.Nodes;
using CiBridge.Entities;
using CiBridge.Entities.JenkinsEndpoints;
using CiBridge.Kubernetes.Models;
using CiBridge.Operator.Webhooks;

namespace CiBridge.Operator.Tests.Webhooks;

/// <summary>A second default JenkinsEndpoint in a namespace is allowed, with a warning the API server passes on to kubectl.</summary>
public sealed class DefaultEndpointWarningTests : IAsyncLifetime
{
    private readonly List<JenkinsEndpoint> _existing = [Endpoint("prod", "true"), Endpoint("staging", null)];
    private WebhookHost? _host;

    public async ValueTask InitializeAsync() =>
        _host = await WebhookHost.StartAsync(new DefaultEndpointWarning(ns => _existing.Where(e => e.Metadata.Namespace == ns).ToList()));

    public async ValueTask DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
    }

    [Fact]
    public async Task SecondDefault_IsAllowedWithAWarningNamingTheFirst()
    {
        var response = await PostAsync(Endpoint("backup", "true"));

        Assert.True(response["allowed"]!.GetValue<bool>());
        var warning = Assert.Single(response["warnings"]!.AsArray())!.GetValue<string>();
        Assert.StartsWith("JenkinsEndpoint \"prod\" is already the default of namespace \"team-a\"", warning, StringComparison.Ordinal);
        Assert.Contains("AmbiguousDefaultEndpoint", warning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("prod", "true")]        // the default itself, updated
    [InlineData("staging", null)]       // not a default
    [InlineData("staging", "false")]
    public async Task NoSecondDefault_NoWarning(string name, string? annotation)
    {
        var response = await PostAsync(Endpoint(name, annotation));

        Assert.True(response["allowed"]!.GetValue<bool>());
        Assert.Null(response["warnings"]);
    }

    [Fact]
    public void CacheNotSynced_NoWarning()
    {
        var warning = new DefaultEndpointWarning(_ => null);
        var request = new AdmissionRequest
        {
            Operation = "CREATE",
            Kind = new GroupVersionKind { Group = CiBridgeApi.Group, Version = CiBridgeApi.Version, Kind = JenkinsEndpoint.KindName },
            Object = JsonSerializer.SerializeToElement(Endpoint("backup", "true"), EntitiesJsonContext.Default.JenkinsEndpoint),
        };

        Assert.Null(warning.Check(request));
    }

    private async Task<JsonNode> PostAsync(JenkinsEndpoint endpoint) =>
        (await _host!.ReviewAsync(JenkinsEndpoint.KindName, "CREATE", JsonSerializer.SerializeToNode(endpoint, EntitiesJsonContext.Default.JenkinsEndpoint)))["response"]!;

    private static JenkinsEndpoint Endpoint(string name, string? isDefault) => new()
    {
        Metadata = new ObjectMeta
        {
            Name = name,
            Namespace = "team-a",
            Annotations = isDefault is null ? null : new() { [CiBridgeApi.IsDefaultEndpointAnnotation] = isDefault },
        },
        Spec = new JenkinsEndpointSpec { Url = "https://jenkins.example.com/", CredentialsSecretRef = new LocalObjectReference { Name = "creds" } },
    };
}
