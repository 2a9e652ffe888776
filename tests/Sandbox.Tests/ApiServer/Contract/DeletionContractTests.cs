using System.Text.Json.Nodes;
using CiBridge.Sandbox.Tests.ApiServer.Support;
using CiBridge.TestKit;

namespace CiBridge.Sandbox.Tests.ApiServer.Contract;

/// <summary>Finalizers and graceful deletion, preconditions, dry run and cascading deletion.</summary>
public sealed class DeletionContractTests
{
    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task Delete_WithFinalizer_MarksDeletion_UntilTheLastFinalizerGoes(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var path = $"{Objects.CiTasks(ns)}/held";
        var task = Objects.CiTask("held");
        task["metadata"]!["finalizers"] = new JsonArray("cibridge.dev/finalizer");
        await client.PostAsync(Objects.CiTasks(ns), task);

        var deleted = await client.DeleteAsync(path);
        Assert.Equal(200, deleted.Code);
        var held = await client.GetAsync(path);
        Assert.Equal(200, held.Code);
        Assert.NotNull(held.Object["metadata"]!["deletionTimestamp"]);

        var added = await client.PatchAsync(path, """{"metadata":{"finalizers":["cibridge.dev/finalizer","other.dev/x"]}}""");
        Assert.Equal(422, added.Code);

        var released = await client.PatchAsync(path, """{"metadata":{"finalizers":null}}""");
        Assert.Equal(200, released.Code);
        Assert.Equal(404, (await client.GetAsync(path)).Code);
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task Delete_WithStalePreconditions_IsConflict(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var created = await client.PostAsync(Objects.ConfigMaps(ns), Objects.ConfigMap("cm"));
        var wrongUid = await client.DeleteAsync($"{Objects.ConfigMaps(ns)}/cm", new JsonObject
        {
            ["kind"] = "DeleteOptions",
            ["apiVersion"] = "v1",
            ["preconditions"] = new JsonObject { ["uid"] = Guid.NewGuid().ToString() },
        });
        Assert.Equal(409, wrongUid.Code);
        Assert.Contains("Precondition failed: UID in precondition", wrongUid.Message, StringComparison.Ordinal);
        var right = await client.DeleteAsync($"{Objects.ConfigMaps(ns)}/cm", new JsonObject
        {
            ["kind"] = "DeleteOptions",
            ["apiVersion"] = "v1",
            ["preconditions"] = new JsonObject { ["resourceVersion"] = created.ResourceVersion },
        });
        Assert.Equal(200, right.Code);
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task DryRun_WritesNothing(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var dry = await client.PostAsync(Objects.ConfigMaps(ns) + "?dryRun=All", Objects.ConfigMap("dry"));
        Assert.Equal(201, dry.Code);
        Assert.Equal(404, (await client.GetAsync($"{Objects.ConfigMaps(ns)}/dry")).Code);
        await client.PostAsync(Objects.ConfigMaps(ns), Objects.ConfigMap("kept"));
        Assert.Equal(200, (await client.DeleteAsync($"{Objects.ConfigMaps(ns)}/kept?dryRun=All")).Code);
        Assert.Equal(200, (await client.GetAsync($"{Objects.ConfigMaps(ns)}/kept")).Code);
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task DeletingAnOwner_DeletesItsDependentsInTheBackground(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var owner = await client.PostAsync(Objects.CiTasks(ns), Objects.CiTask("owner"));
        var dependent = Objects.ConfigMap("dependent");
        dependent["metadata"]!["ownerReferences"] = new JsonArray(new JsonObject
        {
            ["apiVersion"] = "cibridge.dev/v1alpha1",
            ["kind"] = "CiTask",
            ["name"] = "owner",
            ["uid"] = owner.Object["metadata"]!["uid"]!.ToString(),
        });
        Assert.Equal(201, (await client.PostAsync(Objects.ConfigMaps(ns), dependent)).Code);
        await client.DeleteAsync($"{Objects.CiTasks(ns)}/owner");
        await Eventually.HoldsAsync(() => client.GetAsync($"{Objects.ConfigMaps(ns)}/dependent"), r => r.Code == 404, "the dependent ConfigMap is garbage collected", ct: TestContext.Current.CancellationToken);
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task ForegroundDeletion_KeepsTheOwnerUntilItsBlockingDependentsAreGone(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var owner = await client.PostAsync(Objects.CiTasks(ns), Objects.CiTask("owner"));
        var dependent = Objects.ConfigMap("dependent");
        dependent["metadata"]!["finalizers"] = new JsonArray("example.com/hold");
        dependent["metadata"]!["ownerReferences"] = new JsonArray(new JsonObject
        {
            ["apiVersion"] = "cibridge.dev/v1alpha1",
            ["kind"] = "CiTask",
            ["name"] = "owner",
            ["uid"] = owner.Object["metadata"]!["uid"]!.ToString(),
            ["blockOwnerDeletion"] = true,
        });
        await client.PostAsync(Objects.ConfigMaps(ns), dependent);
        var ct = TestContext.Current.CancellationToken;

        await client.DeleteAsync($"{Objects.CiTasks(ns)}/owner", new JsonObject { ["kind"] = "DeleteOptions", ["apiVersion"] = "v1", ["propagationPolicy"] = "Foreground" });
        var held = await client.GetAsync($"{Objects.CiTasks(ns)}/owner");
        Assert.Contains("foregroundDeletion", held.Object["metadata"]!["finalizers"]!.AsArray().Select(f => f!.ToString()));
        await Eventually.HoldsAsync(() => client.GetAsync($"{Objects.ConfigMaps(ns)}/dependent"), r => r.Body?["metadata"]?["deletionTimestamp"] is not null, "the dependent is being deleted", ct: ct);
        Assert.Equal(200, (await client.GetAsync($"{Objects.CiTasks(ns)}/owner")).Code);

        await client.PatchAsync($"{Objects.ConfigMaps(ns)}/dependent", """{"metadata":{"finalizers":null}}""");
        await Eventually.HoldsAsync(() => client.GetAsync($"{Objects.CiTasks(ns)}/owner"), r => r.Code == 404, "the owner is gone after its dependent", ct: ct);
    }
}
