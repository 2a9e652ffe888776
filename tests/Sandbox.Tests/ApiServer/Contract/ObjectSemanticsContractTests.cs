using System.Text.Json.Nodes;
using CiBridge.Sandbox.Tests.ApiServer.Support;

namespace CiBridge.Sandbox.Tests.ApiServer.Contract;

/// <summary>System metadata, optimistic concurrency, generation and the status subresource.</summary>
public sealed class ObjectSemanticsContractTests
{
    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task Create_SetsSystemMetadata_AndSecondCreateIsAlreadyExists(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var created = await client.PostAsync(Objects.CiTasks(ns), Objects.CiTask("one"));
        Assert.Equal(201, created.Code);
        var metadata = created.Object["metadata"]!;
        Assert.False(string.IsNullOrEmpty(metadata["uid"]?.ToString()));
        Assert.False(string.IsNullOrEmpty(metadata["creationTimestamp"]?.ToString()));
        Assert.Equal(1, metadata["generation"]!.GetValue<long>());
        var again = await client.PostAsync(Objects.CiTasks(ns), Objects.CiTask("one"));
        Assert.Equal(409, again.Code);
        Assert.Equal("AlreadyExists", again.Reason);
        Assert.Equal("citasks.cibridge.dev \"one\" already exists", again.Message);
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task Get_Missing_IsNotFoundStatus(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var missing = await client.GetAsync($"{Objects.CiTasks(ns)}/nope");
        Assert.Equal(404, missing.Code);
        Assert.Equal("Status", missing.Body?["kind"]?.ToString());
        Assert.Equal("NotFound", missing.Reason);
        Assert.Equal("citasks", missing.Body?["details"]?["kind"]?.ToString());
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task Update_WithStaleResourceVersion_IsConflict(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var created = (await client.PostAsync(Objects.ConfigMaps(ns), Objects.ConfigMap("cm"))).Object;
        var first = created.DeepClone().AsObject();
        first["data"]!["key"] = "second";
        Assert.Equal(200, (await client.PutAsync($"{Objects.ConfigMaps(ns)}/cm", first)).Code);
        created["data"]!["key"] = "stale";
        var stale = await client.PutAsync($"{Objects.ConfigMaps(ns)}/cm", created);
        Assert.Equal(409, stale.Code);
        Assert.Equal("Conflict", stale.Reason);
        Assert.Contains("the object has been modified; please apply your changes to the latest version and try again", stale.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task Generation_BumpsOnSpecChangeOnly(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var path = $"{Objects.CiTasks(ns)}/gen";
        await client.PostAsync(Objects.CiTasks(ns), Objects.CiTask("gen"));
        var labelled = await client.PatchAsync(path, """{"metadata":{"labels":{"a":"b"}}}""");
        Assert.Equal(1, labelled.Object["metadata"]!["generation"]!.GetValue<long>());
        var status = await client.PatchAsync(path + "/status", """{"status":{"phase":"Running"}}""");
        Assert.Equal(1, status.Object["metadata"]!["generation"]!.GetValue<long>());
        var spec = await client.PatchAsync(path, """{"spec":{"revision":"r2"}}""");
        Assert.Equal(2, spec.Object["metadata"]!["generation"]!.GetValue<long>());
        var same = await client.PatchAsync(path, """{"spec":{"revision":"r2"}}""");
        Assert.Equal(2, same.Object["metadata"]!["generation"]!.GetValue<long>());
        Assert.Equal(spec.ResourceVersion, same.ResourceVersion);
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task StatusSubresource_MainIgnoresStatus_StatusIgnoresSpec(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var path = $"{Objects.CiTasks(ns)}/split";
        var withStatus = Objects.CiTask("split");
        withStatus["status"] = new JsonObject { ["phase"] = "Running" };
        var created = await client.PostAsync(Objects.CiTasks(ns), withStatus);
        Assert.Null(created.Object["status"]);
        var main = await client.PatchAsync(path, """{"spec":{"revision":"r2"},"status":{"phase":"Failed"}}""");
        Assert.Equal("r2", main.Object["spec"]!["revision"]!.ToString());
        Assert.Null(main.Object["status"]);
        var status = await client.PatchAsync(path + "/status", """{"spec":{"revision":"r3"},"status":{"phase":"Succeeded"}}""");
        Assert.Equal("r2", status.Object["spec"]!["revision"]!.ToString());
        Assert.Equal("Succeeded", status.Object["status"]!["phase"]!.ToString());
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task GenerateName_GivesUniqueNamesWithThePrefix(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var body = Objects.ConfigMap("");
        body["metadata"]!.AsObject().Remove("name");
        body["metadata"]!["generateName"] = "gen-";
        var first = await client.PostAsync(Objects.ConfigMaps(ns), body);
        var second = await client.PostAsync(Objects.ConfigMaps(ns), body);
        Assert.Equal(201, first.Code);
        Assert.StartsWith("gen-", first.Object["metadata"]!["name"]!.ToString(), StringComparison.Ordinal);
        Assert.NotEqual(first.Object["metadata"]!["name"]!.ToString(), second.Object["metadata"]!["name"]!.ToString());
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task ResourceVersion_IsOneGlobalIncreasingCounter(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var a = await client.PostAsync(Objects.ConfigMaps(ns), Objects.ConfigMap("a"));
        var b = await client.PostAsync(Objects.CiTasks(ns), Objects.CiTask("b"));
        Assert.True(long.Parse(b.ResourceVersion, System.Globalization.CultureInfo.InvariantCulture)
            > long.Parse(a.ResourceVersion, System.Globalization.CultureInfo.InvariantCulture));
    }
}
