using System.Text.Json.Nodes;
using CiBridge.Sandbox.Tests.ApiServer.Support;
using k8s;
using k8s.Models;

namespace CiBridge.OfficialClient.Tests;

/// <summary>Our CRDs through the official client's CustomObjects API: CRUD, status, patches and server-side apply.</summary>
public sealed class CustomObjectsTests
{
    private const string Plural = "citasks";

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task CiTask_CreateGetReplaceListDelete(string target)
    {
        using var client = await OfficialClients.ConnectAsync(target);
        var ns = await OfficialClients.CreateNamespaceAsync(client);

        var created = OfficialClients.Tree(await client.CustomObjects.CreateNamespacedCustomObjectAsync(Objects.CiTask("build"), OfficialClients.Group, OfficialClients.Version, ns, Plural, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal(1, created["metadata"]!["generation"]!.GetValue<long>());

        created["spec"]!["revision"] = "r2";
        var replaced = OfficialClients.Tree(await client.CustomObjects.ReplaceNamespacedCustomObjectAsync(created, OfficialClients.Group, OfficialClients.Version, ns, Plural, "build", cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal(2, replaced["metadata"]!["generation"]!.GetValue<long>());
        var list = OfficialClients.Tree(await client.CustomObjects.ListNamespacedCustomObjectAsync(OfficialClients.Group, OfficialClients.Version, ns, Plural, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal("r2", Assert.Single(list["items"]!.AsArray())!["spec"]!["revision"]!.ToString());

        await client.CustomObjects.DeleteNamespacedCustomObjectAsync(OfficialClients.Group, OfficialClients.Version, ns, Plural, "build", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(404, await OfficialClients.StatusCodeOfAsync(() => client.CustomObjects.GetNamespacedCustomObjectAsync(OfficialClients.Group, OfficialClients.Version, ns, Plural, "build")));
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task StatusPatch_ChangesOnlyStatus_AndMainPatchesChangeSpec(string target)
    {
        using var client = await OfficialClients.ConnectAsync(target);
        var ns = await OfficialClients.CreateNamespaceAsync(client);
        await client.CustomObjects.CreateNamespacedCustomObjectAsync(Objects.CiTask("build"), OfficialClients.Group, OfficialClients.Version, ns, Plural, cancellationToken: TestContext.Current.CancellationToken);

        var status = new V1Patch("""{"status":{"observedGeneration":1},"spec":{"revision":"ignored"}}""", V1Patch.PatchType.MergePatch);
        var afterStatus = OfficialClients.Tree(await client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(status, OfficialClients.Group, OfficialClients.Version, ns, Plural, "build", cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal(1, afterStatus["status"]!["observedGeneration"]!.GetValue<long>());
        Assert.Equal("r1", afterStatus["spec"]!["revision"]!.ToString());

        var merge = new V1Patch("""{"spec":{"revision":"r2"}}""", V1Patch.PatchType.MergePatch);
        var merged = OfficialClients.Tree(await client.CustomObjects.PatchNamespacedCustomObjectAsync(merge, OfficialClients.Group, OfficialClients.Version, ns, Plural, "build", cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal("r2", merged["spec"]!["revision"]!.ToString());
        var json = new V1Patch("""[{"op":"test","path":"/spec/revision","value":"r2"},{"op":"replace","path":"/spec/revision","value":"r3"}]""", V1Patch.PatchType.JsonPatch);
        var patched = OfficialClients.Tree(await client.CustomObjects.PatchNamespacedCustomObjectAsync(json, OfficialClients.Group, OfficialClients.Version, ns, Plural, "build", cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal("r3", patched["spec"]!["revision"]!.ToString());
        Assert.Equal(1, patched["status"]!["observedGeneration"]!.GetValue<long>());
        var failedTest = new V1Patch("""[{"op":"test","path":"/spec/revision","value":"r2"}]""", V1Patch.PatchType.JsonPatch);
        Assert.Equal(422, await OfficialClients.StatusCodeOfAsync(() => client.CustomObjects.PatchNamespacedCustomObjectAsync(failedTest, OfficialClients.Group, OfficialClients.Version, ns, Plural, "build")));
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task ServerSideApply_SecondManagerConflicts_UntilForced(string target)
    {
        using var client = await OfficialClients.ConnectAsync(target);
        var ns = await OfficialClients.CreateNamespaceAsync(client);
        var gitops = new V1Patch(Objects.CiTask("build").ToJsonString(), V1Patch.PatchType.ApplyPatch);
        await client.CustomObjects.PatchNamespacedCustomObjectAsync(gitops, OfficialClients.Group, OfficialClients.Version, ns, Plural, "build", fieldManager: "gitops", cancellationToken: TestContext.Current.CancellationToken);

        var other = Objects.CiTask("build", revision: "hotfix");
        var intruder = new V1Patch(other.ToJsonString(), V1Patch.PatchType.ApplyPatch);
        Assert.Equal(409, await OfficialClients.StatusCodeOfAsync(() =>
            client.CustomObjects.PatchNamespacedCustomObjectAsync(intruder, OfficialClients.Group, OfficialClients.Version, ns, Plural, "build", fieldManager: "intruder")));

        var forced = OfficialClients.Tree(await client.CustomObjects.PatchNamespacedCustomObjectAsync(intruder, OfficialClients.Group, OfficialClients.Version, ns, Plural, "build", fieldManager: "intruder", force: true, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal("hotfix", forced["spec"]!["revision"]!.ToString());
        var managers = forced["metadata"]!["managedFields"]!.AsArray().Select(m => m!["manager"]!.ToString()).ToList();
        Assert.Contains("intruder", managers);
        Assert.Contains("gitops", managers);
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task InvalidCiTask_IsRejectedWithTheFieldNamed(string target)
    {
        using var client = await OfficialClients.ConnectAsync(target);
        var ns = await OfficialClients.CreateNamespaceAsync(client);
        var invalid = Objects.CiTask("build", extraSpec: new JsonObject { ["retries"] = 11 });

        var error = await Assert.ThrowsAsync<k8s.Autorest.HttpOperationException>(() =>
            client.CustomObjects.CreateNamespacedCustomObjectAsync(invalid, OfficialClients.Group, OfficialClients.Version, ns, Plural, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(422, (int)error.Response.StatusCode);
        Assert.Contains("spec.retries", error.Response.Content, StringComparison.Ordinal);
    }
}
