using CiBridge.Sandbox.Tests.ApiServer.Support;

namespace CiBridge.Sandbox.Tests.ApiServer.Contract;

/// <summary>Merge patch, JSON patch and server-side apply with field managers and conflicts.</summary>
public sealed class PatchContractTests
{
    private const string Apply = "application/apply-patch+yaml";

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task MergeAndJsonPatch_ChangeTheObject(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        await client.PostAsync(Objects.ConfigMaps(ns), Objects.ConfigMap("p"));
        var merged = await client.PatchAsync($"{Objects.ConfigMaps(ns)}/p", """{"data":{"key":null,"other":"x"}}""");
        Assert.Equal("""{"other":"x"}""", merged.Object["data"]!.ToJsonString());
        var json = await client.PatchAsync($"{Objects.ConfigMaps(ns)}/p", """[{"op":"add","path":"/data/third","value":"y"},{"op":"remove","path":"/data/other"}]""", "application/json-patch+json");
        Assert.Equal("""{"third":"y"}""", json.Object["data"]!.ToJsonString());
        var failedTest = await client.PatchAsync($"{Objects.ConfigMaps(ns)}/p", """[{"op":"test","path":"/data/third","value":"nope"}]""", "application/json-patch+json");
        Assert.Equal(422, failedTest.Code);
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task ServerSideApply_CreatesThenConflictsWithAnotherManager_UnlessForced(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var path = $"{Objects.CiTasks(ns)}/ssa";
        var alice = Yaml("ssa", "r1");
        var created = await client.PatchAsync(path + "?fieldManager=alice", alice, Apply);
        Assert.Equal(201, created.Code);
        Assert.Contains(created.Object["metadata"]!["managedFields"]!.AsArray(), m => m!["manager"]!.ToString() == "alice" && m["operation"]!.ToString() == "Apply");

        var bob = await client.PatchAsync(path + "?fieldManager=bob", Yaml("ssa", "r2"), Apply);
        Assert.Equal(409, bob.Code);
        Assert.Equal("Conflict", bob.Reason);
        Assert.Contains("conflict with \"alice\"", bob.Message, StringComparison.Ordinal);
        Assert.Contains(".spec.revision", bob.Message, StringComparison.Ordinal);

        var forced = await client.PatchAsync(path + "?fieldManager=bob&force=true", Yaml("ssa", "r2"), Apply);
        Assert.Equal(200, forced.Code);
        Assert.Equal("r2", forced.Object["spec"]!["revision"]!.ToString());
        Assert.Equal(2, forced.Object["metadata"]!["generation"]!.GetValue<long>());
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task ServerSideApply_SameValuesFromTwoManagers_IsNoConflict_AndSharedOwnership(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var path = $"{Objects.CiTasks(ns)}/shared";
        Assert.Equal(201, (await client.PatchAsync(path + "?fieldManager=alice", Yaml("shared", "r1"), Apply)).Code);
        var second = await client.PatchAsync(path + "?fieldManager=bob", Yaml("shared", "r1"), Apply);
        Assert.Equal(200, second.Code);
        var managers = second.Object["metadata"]!["managedFields"]!.AsArray().Select(m => m!["manager"]!.ToString()).Order().ToList();
        Assert.Equal(["alice", "bob"], managers);
        var forced = await client.PatchAsync(path + "?fieldManager=bob&force=true", Yaml("shared", "r2"), Apply);
        Assert.Contains(forced.Object["metadata"]!["managedFields"]!.AsArray(), m => m!["manager"]!.ToString() == "alice");
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task ServerSideApply_RemovesFieldsTheManagerNoLongerApplies_ButKeepsOthers(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var path = $"{Objects.CiTasks(ns)}/owned";
        var withLabel = Yaml("owned", "r1").Replace("  name: owned", "  name: owned\n  labels:\n    team: a", StringComparison.Ordinal);
        Assert.Equal(201, (await client.PatchAsync(path + "?fieldManager=alice", withLabel, Apply)).Code);
        Assert.Equal(200, (await client.PatchAsync(path + "?fieldManager=bob", """{"metadata":{"annotations":{"note":"bob's"}}}""")).Code);
        var reapplied = await client.PatchAsync(path + "?fieldManager=alice", Yaml("owned", "r1"), Apply);
        Assert.Equal(200, reapplied.Code);
        Assert.Null(reapplied.Object["metadata"]!["labels"]?["team"]);
        Assert.Equal("bob's", reapplied.Object["metadata"]!["annotations"]!["note"]!.ToString());
    }

    private static string Yaml(string name, string revision) => $"""
        apiVersion: cibridge.dev/v1alpha1
        kind: CiTask
        metadata:
          name: {name}
        spec:
          endpointRef:
            kind: JenkinsEndpoint
            name: jenkins-prod
          job: platform/process/build-war
          revision: {revision}
        """;
}
