using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using CiBridge.Sandbox.Tests.ApiServer.Support;

namespace CiBridge.Sandbox.Tests.ApiServer.Contract;

/// <summary>Authentication and the Status errors kube-apiserver returns for bad requests.</summary>
public sealed class BadInputContractTests
{
    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task WrongToken_Is401WithStatus(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/namespaces");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "wrong");
        using var response = await client.Http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(401, (int)response.StatusCode);
        var status = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.Equal("Status", status["kind"]?.ToString());
        Assert.Equal("Unauthorized", status["reason"]?.ToString());
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task MalformedJson_IsBadRequest(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var response = await client.SendAsync(HttpMethod.Post, Objects.ConfigMaps(ns), "{\"apiVersion\": \"v1\", ", "application/json");
        Assert.Equal(400, response.Code);
        Assert.Equal("BadRequest", response.Reason);
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task WrongKindForEndpoint_IsBadRequest(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var response = await client.PostAsync(Objects.CiTasks(ns), Objects.ConfigMap("cm"));
        Assert.Equal(400, response.Code);
        Assert.Equal("BadRequest", response.Reason);
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task BodyOver3MiB_IsRequestEntityTooLarge(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var big = Objects.ConfigMap("big", data: new JsonObject { ["blob"] = new string('x', 3 * 1024 * 1024 + 10) });
        var response = await client.PostAsync(Objects.ConfigMaps(ns), big);
        Assert.Equal(413, response.Code);
        Assert.Equal("RequestEntityTooLarge", response.Reason);
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task UnknownResource_IsNotFound(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var response = await client.GetAsync("/apis/cibridge.dev/v1alpha1/namespaces/default/widgets");
        Assert.Equal(404, response.Code);
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task InvalidName_IsInvalidWithMetadataNameCause(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var response = await client.PostAsync(Objects.ConfigMaps(ns), Objects.ConfigMap("Not_Valid"));
        Assert.Equal(422, response.Code);
        Assert.Equal("Invalid", response.Reason);
        var cause = response.Body!["details"]!["causes"]![0]!;
        Assert.Equal("metadata.name", cause["field"]?.ToString());
        Assert.Equal("FieldValueInvalid", cause["reason"]?.ToString());
        Assert.Contains("a lowercase RFC 1123 subdomain", cause["message"]?.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task UnknownFieldOfABuiltInKind_IsDroppedWithAWarning_OrRejectedWhenStrict(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var typo = Objects.ConfigMap("typo");
        typo["dta"] = new JsonObject { ["k"] = "v" };
        typo["metadata"]!["labelz"] = new JsonObject { ["a"] = "b" };
        var strict = await client.PostAsync(Objects.ConfigMaps(ns) + "?fieldValidation=Strict", typo);
        Assert.Equal(400, strict.Code);
        Assert.Contains("unknown field \"dta\"", strict.Message, StringComparison.Ordinal);
        var lenient = await client.PostAsync(Objects.ConfigMaps(ns), typo);
        Assert.Equal(201, lenient.Code);
        Assert.Null(lenient.Object["dta"]);
        Assert.Null(lenient.Object["metadata"]!["labelz"]);
        Assert.Contains(lenient.Warnings, w => w.Contains("dta", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task CreateInMissingNamespace_IsNotFound(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var response = await client.PostAsync(Objects.ConfigMaps("no-such-namespace-here"), Objects.ConfigMap("cm"));
        Assert.Equal(404, response.Code);
        Assert.Equal("namespaces \"no-such-namespace-here\" not found", response.Message);
    }
}
