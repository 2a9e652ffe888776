using System.Text.Json.Nodes;
using CiBridge.Sandbox.ApiServer.Faults;
using CiBridge.Sandbox.Tests.ApiServer.Support;

namespace CiBridge.Sandbox.Tests.ApiServer.Faults;

/// <summary>Injected watch faults: streams closed after a random time, 410 Expired on resume.</summary>
public sealed class WatchFaultContractTests
{
    private static readonly string s_configMaps = Objects.ConfigMaps("default");

    [Fact]
    public async Task CloseWatch_EndsTheStreamCleanly_NoLaterThanItsDelay()
    {
        await using var f = await FaultServer.StartAsync();
        f.Faults.Add(new ApiFault { Kind = ApiFaultKind.CloseWatch, Resource = "configmaps", Delay = TimeSpan.FromSeconds(10) });
        var list = await f.Client.GetAsync(s_configMaps);
        using var watch = await f.Client.WatchAsync($"{s_configMaps}?resourceVersion={list.ResourceVersion}");

        await f.Client.PostAsync(s_configMaps, Objects.ConfigMap("seen"));
        var added = await watch.NextChangeAsync();
        f.Time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(200, watch.Code);
        Assert.Equal("seen", added["object"]!["metadata"]!["name"]!.ToString());
        Assert.Null(await ReadToEndAsync(watch));
        Assert.Equal(1, f.Faults.Injected["CloseWatch"]);
    }

    [Fact]
    public async Task ExpireWatch_HitsOnlyResumingWatches()
    {
        await using var f = await FaultServer.StartAsync();
        f.Faults.Add(new ApiFault { Kind = ApiFaultKind.ExpireWatch, Resource = "configmaps" });
        var list = await f.Client.GetAsync(s_configMaps);

        using var resumed = await f.Client.WatchAsync($"{s_configMaps}?resourceVersion={list.ResourceVersion}");
        var error = await resumed.NextAsync();
        using var fresh = await f.Client.WatchAsync(s_configMaps);
        await f.Client.PostAsync(s_configMaps, Objects.ConfigMap("after"));

        Assert.Equal("ERROR", error?["type"]?.ToString());
        Assert.Equal(410, error?["object"]?["code"]?.GetValue<int>());
        Assert.Equal("Expired", error?["object"]?["reason"]?.ToString());
        Assert.StartsWith("too old resource version: " + list.ResourceVersion, error?["object"]?["message"]?.ToString(), StringComparison.Ordinal);
        Assert.Null(await resumed.NextAsync());
        Assert.Equal("ADDED", (await NextNamedAsync(fresh, "after"))["type"]!.ToString());
    }

    /// <summary>The next event, skipping bookmarks; null when the server ended the stream.</summary>
    private static async Task<JsonObject?> ReadToEndAsync(WatchReader watch)
    {
        while (await watch.NextAsync() is { } next)
        {
            if (next["type"]?.ToString() != "BOOKMARK") return next;
        }
        return null;
    }

    private static async Task<JsonObject> NextNamedAsync(WatchReader watch, string name)
    {
        while (true)
        {
            var next = await watch.NextChangeAsync();
            if (next["object"]?["metadata"]?["name"]?.ToString() == name) return next;
        }
    }
}
