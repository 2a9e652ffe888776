using CiBridge.Sandbox.Tests.ApiServer.Support;

namespace CiBridge.Sandbox.Tests.ApiServer.Contract;

/// <summary>Watch: events in order from a resourceVersion, selectors, bookmarks, timeouts.</summary>
public sealed class WatchContractTests
{
    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task Watch_FromResourceVersion_StreamsAddedModifiedDeletedInOrder(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var list = await client.GetAsync(Objects.CiTasks(ns));
        await client.PostAsync(Objects.CiTasks(ns), Objects.CiTask("w"));
        await client.PatchAsync($"{Objects.CiTasks(ns)}/w", """{"spec":{"revision":"r2"}}""");
        await client.DeleteAsync($"{Objects.CiTasks(ns)}/w");

        using var watch = await client.WatchAsync($"{Objects.CiTasks(ns)}?resourceVersion={list.ResourceVersion}");
        var events = new List<(string?, string?)>();
        for (var i = 0; i < 3; i++)
        {
            var e = await watch.NextChangeAsync();
            events.Add((e["type"]?.ToString(), e["object"]?["spec"]?["revision"]?.ToString()));
        }
        Assert.Equal([("ADDED", "r1"), ("MODIFIED", "r2"), ("DELETED", "r2")], events);
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task Watch_WithoutResourceVersion_StartsWithCurrentObjects_ThenLiveChanges(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        await client.PostAsync(Objects.ConfigMaps(ns), Objects.ConfigMap("existing"));
        using var watch = await client.WatchAsync(Objects.ConfigMaps(ns));
        var first = await watch.NextChangeAsync();
        Assert.Equal(("ADDED", "existing"), (first["type"]?.ToString(), first["object"]?["metadata"]?["name"]?.ToString()));
        await client.PostAsync(Objects.ConfigMaps(ns), Objects.ConfigMap("live"));
        var live = await watch.NextChangeAsync();
        Assert.Equal(("ADDED", "live"), (live["type"]?.ToString(), live["object"]?["metadata"]?["name"]?.ToString()));
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task Watch_WithLabelSelector_SkipsOtherObjects(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var list = await client.GetAsync(Objects.ConfigMaps(ns));
        await client.PostAsync(Objects.ConfigMaps(ns), Objects.ConfigMap("other", new() { ["app"] = "other" }));
        await client.PostAsync(Objects.ConfigMaps(ns), Objects.ConfigMap("mine", new() { ["app"] = "mine" }));
        using var watch = await client.WatchAsync($"{Objects.ConfigMaps(ns)}?resourceVersion={list.ResourceVersion}&labelSelector=app%3Dmine");
        var first = await watch.NextChangeAsync();
        Assert.Equal("mine", first["object"]?["metadata"]?["name"]?.ToString());
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task Watch_WithLabelSelector_SeesObjectsEnterAsAddedAndLeaveAsDeleted(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        await client.PostAsync(Objects.ConfigMaps(ns), Objects.ConfigMap("moving", new() { ["app"] = "other" }));
        var list = await client.GetAsync(Objects.ConfigMaps(ns));
        using var watch = await client.WatchAsync($"{Objects.ConfigMaps(ns)}?resourceVersion={list.ResourceVersion}&labelSelector=app%3Dmine");
        await client.PatchAsync($"{Objects.ConfigMaps(ns)}/moving", """{"metadata":{"labels":{"app":"mine"}}}""");
        await client.PatchAsync($"{Objects.ConfigMaps(ns)}/moving", """{"data":{"key":"changed"}}""");
        await client.PatchAsync($"{Objects.ConfigMaps(ns)}/moving", """{"metadata":{"labels":{"app":"other"}}}""");
        var types = new List<string?>();
        for (var i = 0; i < 3; i++) types.Add((await watch.NextChangeAsync())["type"]?.ToString());
        Assert.Equal(["ADDED", "MODIFIED", "DELETED"], types);
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task Watch_WithTimeoutSeconds_EndsTheStream(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var list = await client.GetAsync(Objects.ConfigMaps(ns));
        using var watch = await client.WatchAsync($"{Objects.ConfigMaps(ns)}?resourceVersion={list.ResourceVersion}&timeoutSeconds=1");
        Assert.Null(await watch.NextAsync(TimeSpan.FromSeconds(15)));
    }

    [Fact]
    public async Task Watch_WithAllowWatchBookmarks_GetsBookmarksWithTheCurrentVersion()
    {
        using var client = await ClusterTarget.ConnectAsync(ClusterTarget.Sandbox);
        var ns = await Namespaces.CreateAsync(client);
        var list = await client.GetAsync(Objects.ConfigMaps(ns));
        using var watch = await client.WatchAsync($"{Objects.ConfigMaps(ns)}?resourceVersion={list.ResourceVersion}&allowWatchBookmarks=true");
        var bookmark = await watch.NextAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("BOOKMARK", bookmark?["type"]?.ToString());
        Assert.Equal("ConfigMap", bookmark?["object"]?["kind"]?.ToString());
        Assert.False(string.IsNullOrEmpty(bookmark?["object"]?["metadata"]?["resourceVersion"]?.ToString()));
    }

    [Fact]
    public async Task Watch_WithSendInitialEvents_EndsTheInitialListWithAnAnnotatedBookmark()
    {
        using var client = await ClusterTarget.ConnectAsync(ClusterTarget.Sandbox);
        var ns = await Namespaces.CreateAsync(client);
        await client.PostAsync(Objects.ConfigMaps(ns), Objects.ConfigMap("initial"));
        using var watch = await client.WatchAsync($"{Objects.ConfigMaps(ns)}?sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true");
        Assert.Equal("ADDED", (await watch.NextAsync())?["type"]?.ToString());
        var end = await watch.NextAsync();
        Assert.Equal("BOOKMARK", end?["type"]?.ToString());
        Assert.Equal("true", end?["object"]?["metadata"]?["annotations"]?["k8s.io/initial-events-end"]?.ToString());
    }
}
