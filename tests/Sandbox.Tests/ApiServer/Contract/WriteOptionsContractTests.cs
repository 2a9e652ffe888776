using System.Text.Json.Nodes;
using CiBridge.Sandbox.Tests.ApiServer.Support;

namespace CiBridge.Sandbox.Tests.ApiServer.Contract;

/// <summary>dryRun on every verb, the options kube validates, and what a custom resource's PUT and PATCH require.</summary>
public sealed class WriteOptionsContractTests
{
    private static readonly JsonObject s_dryRunBody = new() { ["kind"] = "DeleteOptions", ["apiVersion"] = "v1", ["dryRun"] = new JsonArray("All") };

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task DryRunDelete_InTheBodyOrTheQuery_DeletesNothing(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        await client.PostAsync(Objects.ConfigMaps(ns), Objects.ConfigMap("kept"));
        Assert.Equal(200, (await client.DeleteAsync($"{Objects.ConfigMaps(ns)}/kept", s_dryRunBody)).Code);
        Assert.Equal(200, (await client.DeleteAsync($"{Objects.ConfigMaps(ns)}/kept?dryRun=All")).Code);
        Assert.Equal(200, (await client.DeleteAsync($"{Objects.ConfigMaps(ns)}?dryRun=All")).Code);
        Assert.Equal(200, (await client.GetAsync($"{Objects.ConfigMaps(ns)}/kept")).Code);

        var held = Objects.CiTask("held");
        held["metadata"]!["finalizers"] = new JsonArray("cibridge.dev/test");
        await client.PostAsync(Objects.CiTasks(ns), held);
        var dry = await client.DeleteAsync($"{Objects.CiTasks(ns)}/held", s_dryRunBody);
        Assert.Equal(200, dry.Code);
        Assert.NotNull(dry.Object["metadata"]!["deletionTimestamp"]);
        Assert.Null((await client.GetAsync($"{Objects.CiTasks(ns)}/held")).Object["metadata"]!["deletionTimestamp"]);
        await client.PatchAsync($"{Objects.CiTasks(ns)}/held", """{"metadata":{"finalizers":null}}""");
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task DryRunOtherThanAll_Is422OnTheOptions(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var response = await client.PostAsync(Objects.ConfigMaps(ns) + "?dryRun=Some", Objects.ConfigMap("cm"));
        Assert.Equal(422, response.Code);
        Assert.Equal("CreateOptions.meta.k8s.io \"\" is invalid: dryRun: Unsupported value: []string{\"Some\"}: supported values: \"All\"", response.Message);
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task PutOfACustomResourceWithoutResourceVersion_Is422_ButAConfigMapMayOmitIt(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        await client.PostAsync(Objects.CiTasks(ns), Objects.CiTask("put"));
        var response = await client.PutAsync($"{Objects.CiTasks(ns)}/put", Objects.CiTask("put", "r2"));
        Assert.Equal(422, response.Code);
        Assert.Equal("citasks.cibridge.dev \"put\" is invalid: metadata.resourceVersion: Invalid value: 0x0: must be specified for an update", response.Message);
        await client.PostAsync(Objects.ConfigMaps(ns), Objects.ConfigMap("cm"));
        Assert.Equal(200, (await client.PutAsync($"{Objects.ConfigMaps(ns)}/cm", Objects.ConfigMap("cm", data: new JsonObject { ["k"] = "v2" }))).Code);
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task StrategicMergePatch_Is415ForACustomResource_AndWorksForABuiltIn(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        await client.PostAsync(Objects.CiTasks(ns), Objects.CiTask("smp"));
        var response = await client.PatchAsync($"{Objects.CiTasks(ns)}/smp", """{"spec":{"revision":"r2"}}""", "application/strategic-merge-patch+json");
        Assert.Equal(415, response.Code);
        Assert.Equal("UnsupportedMediaType", response.Reason);
        Assert.Equal("the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml", response.Message);
        await client.PostAsync(Objects.ConfigMaps(ns), Objects.ConfigMap("cm"));
        Assert.Equal(200, (await client.PatchAsync($"{Objects.ConfigMaps(ns)}/cm", """{"data":{"k":"v"}}""", "application/strategic-merge-patch+json")).Code);
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task ApplyWithoutFieldManager_AndForceOnAMergePatch_Are422OnPatchOptions(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var apply = await client.PatchAsync($"{Objects.ConfigMaps(ns)}/cm", Objects.ConfigMap("cm").ToJsonString(), "application/apply-patch+yaml");
        Assert.Equal(422, apply.Code);
        Assert.Equal("PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch", apply.Message);
        await client.PostAsync(Objects.ConfigMaps(ns), Objects.ConfigMap("cm"));
        var forced = await client.PatchAsync($"{Objects.ConfigMaps(ns)}/cm?force=true", """{"data":{"k":"v"}}""");
        Assert.Equal(422, forced.Code);
        Assert.Equal("PatchOptions.meta.k8s.io \"\" is invalid: force: Forbidden: may not be specified for non-apply patch", forced.Message);
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task WrongKindInTheRightVersion_Is422ForACustomResource_And400ForABuiltIn(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var task = Objects.CiTask("wrong");
        task["kind"] = "JenkinsEndpoint";
        var custom = await client.PostAsync(Objects.CiTasks(ns), task);
        Assert.Equal(422, custom.Code);
        Assert.Equal("CiTask.cibridge.dev \"wrong\" is invalid: kind: Invalid value: \"JenkinsEndpoint\": must be CiTask", custom.Message);
        var configMap = Objects.ConfigMap("wrong");
        configMap["kind"] = "Secret";
        Assert.Equal(400, (await client.PostAsync(Objects.ConfigMaps(ns), configMap)).Code);
    }
}
