using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CiBridge.Entities;
using CiBridge.Entities.Validation;
using CiBridge.Operator.Configuration;
using CiBridge.Operator.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CiBridge.Operator.Tests.Webhooks;

/// <summary>The admission webhook served over HTTP on loopback, called the way the API server calls it.</summary>
internal sealed class WebhookHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookHost(WebApplication app, HttpClient http) => (_app, Http) = (app, http);

    public HttpClient Http { get; }

    /// <summary>Starts the webhook with the default approved providers and, if given, the default-endpoint warning.</summary>
    /// <param name="warning">The default-endpoint warning, if any.</param>
    /// <param name="onlyOverTls">Maps it as the operator does, refused over plain HTTP.</param>
    public static async Task<WebhookHost> StartAsync(DefaultEndpointWarning? warning = null, bool onlyOverTls = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var webhook = app.MapAdmissionWebhook(new ApprovedProviderList(ApprovedProviders.Default), warning: warning);
        if (onlyOverTls) webhook.OnlyOverTls();
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new WebhookHost(app, new HttpClient { BaseAddress = new Uri(address) });
    }

    /// <summary>Posts an AdmissionReview of <paramref name="obj"/> in namespace team-a and returns the answered review.</summary>
    public async Task<JsonNode> ReviewAsync(string kind, string operation, JsonNode? obj)
    {
        var review = new JsonObject
        {
            ["apiVersion"] = "admission.k8s.io/v1",
            ["kind"] = "AdmissionReview",
            ["request"] = new JsonObject
            {
                ["uid"] = "uid-1",
                ["kind"] = new JsonObject { ["group"] = CiBridgeApi.Group, ["version"] = CiBridgeApi.Version, ["kind"] = kind },
                ["operation"] = operation,
                ["name"] = "x",
                ["namespace"] = "team-a",
                ["object"] = obj,
            },
        };
        using var response = await Http.PostAsJsonAsync(AdmissionEndpoints.Path, review, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonNode>(TestContext.Current.CancellationToken))!;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.DisposeAsync();
    }
}
