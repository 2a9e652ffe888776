using System.Text.Json.Nodes;
using CiBridge.Sandbox.Tests.ApiServer.Support;

namespace CiBridge.Sandbox.Tests.ApiServer.Contract;

/// <summary>kube's validation of built-in kinds beyond names: immutable Secrets and ConfigMaps.</summary>
public sealed class BuiltinValidationContractTests
{
    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task ImmutableConfigMap_KeepsItsDataAndTheFlag(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var frozen = Objects.ConfigMap("frozen");
        frozen["immutable"] = true;
        Assert.Equal(201, (await client.PostAsync(Objects.ConfigMaps(ns), frozen)).Code);
        var changed = await client.PatchAsync($"{Objects.ConfigMaps(ns)}/frozen", """{"data":{"key":"other"}}""");
        Assert.Equal(422, changed.Code);
        Assert.Equal("ConfigMap \"frozen\" is invalid: data: Forbidden: field is immutable when `immutable` is set", changed.Message);
        var thawed = await client.PatchAsync($"{Objects.ConfigMaps(ns)}/frozen", """{"immutable":false}""");
        Assert.Equal(422, thawed.Code);
        Assert.Equal("ConfigMap \"frozen\" is invalid: immutable: Forbidden: field is immutable when `immutable` is set", thawed.Message);
        Assert.Equal(200, (await client.PatchAsync($"{Objects.ConfigMaps(ns)}/frozen", """{"metadata":{"labels":{"a":"b"}}}""")).Code);
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task ImmutableSecret_KeepsItsData(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var secret = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Secret",
            ["metadata"] = new JsonObject { ["name"] = "frozen" },
            ["immutable"] = true,
            ["stringData"] = new JsonObject { ["token"] = "one" },
        };
        Assert.Equal(201, (await client.PostAsync($"/api/v1/namespaces/{ns}/secrets", secret)).Code);
        var changed = await client.PatchAsync($"/api/v1/namespaces/{ns}/secrets/frozen", """{"stringData":{"token":"two"}}""");
        Assert.Equal(422, changed.Code);
        Assert.Equal("Secret \"frozen\" is invalid: data: Forbidden: field is immutable when `immutable` is set", changed.Message);
    }
}
