using System.Text.Json;
using CiBridge.Entities.Validation;
using CiBridge.Operator.Configuration;
using CiBridge.Operator.Webhooks;

namespace CiBridge.Operator.Tests.Webhooks;

/// <summary>The webhook judges endpoint URLs by the installation's refused networks, not only the built-in list.</summary>
public sealed class RefusedNetworksWebhookTests
{
    [Theory]
    [InlineData(null, "http://10.1.2.3:8080/", true)]
    [InlineData(null, "http://169.254.169.254/", false)]
    [InlineData("10.0.0.0/8", "http://10.1.2.3:8080/", false)]
    [InlineData("10.0.0.0/8", "http://169.254.169.254/", true)]
    [InlineData("", "http://169.254.169.254/", true)]
    public void EndpointUrl_IsJudgedByTheInstallationsList(string? refused, string url, bool allowed)
    {
        var networks = refused is null ? null : new RefusedNetworks(refused.Split(',', StringSplitOptions.RemoveEmptyEntries));
        var validator = new AdmissionValidator(new ApprovedProviderList(ApprovedProviders.Default), networks);
        var request = new AdmissionRequest
        {
            Uid = "1",
            Operation = "CREATE",
            Kind = new GroupVersionKind { Group = "cibridge.dev", Version = "v1alpha1", Kind = "JenkinsEndpoint" },
            Object = JsonDocument.Parse("""{"apiVersion":"cibridge.dev/v1alpha1","kind":"JenkinsEndpoint","metadata":{"name":"j","namespace":"a"},"spec":{"url":""" + JsonSerializer.Serialize(url) + ""","allowInsecureHttp":true,"credentialsSecretRef":{"name":"s"}}}""").RootElement,
        };

        var response = validator.Review(request);

        Assert.True(response.Allowed == allowed, response.Status?.Message);
        if (!allowed) Assert.Contains("spec.url", response.Status!.Message, StringComparison.Ordinal);
    }
}
