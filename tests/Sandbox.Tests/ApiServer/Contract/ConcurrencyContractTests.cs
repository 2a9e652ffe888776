using System.Globalization;
using CiBridge.Sandbox.Tests.ApiServer.Support;

namespace CiBridge.Sandbox.Tests.ApiServer.Contract;

/// <summary>Parallel writers lose no update; every watcher sees every change once, in order.</summary>
public sealed class ConcurrencyContractTests
{
    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task ParallelPatches_LoseNothing_AndEveryWatcherSeesEachChangeInOrder(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var created = await client.PostAsync(Objects.ConfigMaps(ns), Objects.ConfigMap("shared"));
        var watchers = new List<WatchReader>();
        for (var i = 0; i < 5; i++) watchers.Add(await client.WatchAsync($"{Objects.ConfigMaps(ns)}?resourceVersion={created.ResourceVersion}"));
        try
        {
            const int Writers = 10, PatchesEach = 5;
            await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
            {
                for (var p = 0; p < PatchesEach; p++)
                {
                    var response = await client.PatchAsync($"{Objects.ConfigMaps(ns)}/shared", $"{{\"data\":{{\"w{w}-p{p}\":\"x\"}}}}");
                    Assert.Equal(200, response.Code);
                }
            })));
            var final = await client.GetAsync($"{Objects.ConfigMaps(ns)}/shared");
            Assert.Equal(Writers * PatchesEach + 1, final.Object["data"]!.AsObject().Count);
            foreach (var watcher in watchers)
            {
                var versions = new List<long>();
                for (var i = 0; i < Writers * PatchesEach; i++)
                {
                    var change = await watcher.NextChangeAsync();
                    Assert.Equal("MODIFIED", change["type"]?.ToString());
                    versions.Add(long.Parse(change["object"]!["metadata"]!["resourceVersion"]!.ToString(), CultureInfo.InvariantCulture));
                }
                Assert.Equal(versions.Order(), versions);
                Assert.Equal(versions.Count, versions.Distinct().Count());
            }
        }
        finally
        {
            foreach (var watcher in watchers) watcher.Dispose();
        }
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task ParallelCreatesOfCustomResources_AreAllValidatedAndDefaulted(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var results = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => Task.Run(async () =>
        {
            var task = Objects.CiTask($"task-{i}");
            task["spec"]!["endpointRef"]!.AsObject().Remove("kind");
            if (i % 4 == 0) task["spec"]!.AsObject().Remove("job");
            return await client.PostAsync(Objects.CiTasks(ns), task);
        })));
        Assert.Equal(6, results.Count(r => r.Code == 422));
        Assert.All(results.Where(r => r.Code != 422), r => Assert.Equal("JenkinsEndpoint", r.Object["spec"]!["endpointRef"]!["kind"]!.ToString()));
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task ParallelUpdatesFromTheSameVersion_OnlyOneWins(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var created = (await client.PostAsync(Objects.ConfigMaps(ns), Objects.ConfigMap("race"))).Object;
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
        {
            var body = created.DeepClone().AsObject();
            body["data"]!["key"] = $"writer-{i}";
            return client.PutAsync($"{Objects.ConfigMaps(ns)}/race", body);
        }));
        Assert.Equal(1, results.Count(r => r.Code == 200));
        Assert.Equal(7, results.Count(r => r.Code == 409));
    }
}
