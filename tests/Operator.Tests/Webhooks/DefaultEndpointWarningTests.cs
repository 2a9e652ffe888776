using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CiBridge.Entities;
using CiBridge.Entities.JenkinsEndpoints;
using CiBridge.Entities.Validation;
using CiBridge.Kubernetes.Models;
using CiBridge.Operator.Configuration;
using CiBridge.Operator.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CiBridge.Operator.Tests.Webhooks;

/// <summary>A second default JenkinsEndpoint in a namespace is allowed, with a warning the API server passes on to kubectl.</summary>
public sealed class DefaultEndpointWarningTests : IAsyncLifetime
{
    private readonly List<JenkinsEndpoint> _existing = [Endpoint("prod", "true"), Endpoint("staging", null)];
    private WebApplication? _app;
    private HttpClient _http = new();

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapAdmissionWebhook(new ApprovedProviderList(ApprovedProviders.Default), warning: new DefaultEndpointWarning(ns => _existing.Where(e => e.Metadata.Namespace == ns).ToList()));
        await _app.StartAsync(TestContext.Current.CancellationToken);
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _http = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (_app is not null) await _app.DisposeAsync();
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

    private async Task<JsonNode> PostAsync(JenkinsEndpoint endpoint)
    {
        var review = new JsonObject
        {
            ["apiVersion"] = "admission.k8s.io/v1",
            ["kind"] = "AdmissionReview",
            ["request"] = new JsonObject
            {
                ["uid"] = "uid-1",
                ["kind"] = new JsonObject { ["group"] = CiBridgeApi.Group, ["version"] = CiBridgeApi.Version, ["kind"] = JenkinsEndpoint.KindName },
                ["namespace"] = "team-a",
                ["operation"] = "CREATE",
                ["object"] = JsonSerializer.SerializeToNode(endpoint, EntitiesJsonContext.Default.JenkinsEndpoint),
            },
        };
        using var answer = await _http.PostAsJsonAsync(AdmissionEndpoints.Path, review, TestContext.Current.CancellationToken);
        return (await answer.Content.ReadFromJsonAsync<JsonNode>(TestContext.Current.CancellationToken))!["response"]!;
    }

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
