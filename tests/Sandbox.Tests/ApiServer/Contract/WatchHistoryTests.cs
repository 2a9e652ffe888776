using CiBridge.Sandbox.ApiServer;
using CiBridge.Sandbox.Tests.ApiServer.Support;

namespace CiBridge.Sandbox.Tests.ApiServer.Contract;

/// <summary>The bounded watch history: a too-old resourceVersion gets 410 Expired (sandbox only: needs a tiny history).</summary>
public sealed class WatchHistoryTests
{
    [Fact]
    public async Task Watch_FromVersionOlderThanTheHistory_GetsExpiredErrorEvent()
    {
        await using var server = await SandboxApiServer.StartAsync(new SandboxApiServerOptions { WatchHistorySize = 5 }, TestContext.Current.CancellationToken);
        using var client = new ApiClient(server.BaseAddress, server.Token, server.CaCertificatePem);
        var list = await client.GetAsync(Objects.ConfigMaps("default"));
        for (var i = 0; i < 10; i++) await client.PostAsync(Objects.ConfigMaps("default"), Objects.ConfigMap($"cm-{i}"));

        using var watch = await client.WatchAsync($"{Objects.ConfigMaps("default")}?resourceVersion={list.ResourceVersion}");
        var error = await watch.NextAsync();
        Assert.Equal("ERROR", error?["type"]?.ToString());
        Assert.Equal(410, error?["object"]?["code"]?.GetValue<int>());
        Assert.Equal("Expired", error?["object"]?["reason"]?.ToString());
        Assert.Null(await watch.NextAsync());

        var continued = await client.GetAsync($"{Objects.ConfigMaps("default")}?limit=2");
        var next = await client.GetAsync($"{Objects.ConfigMaps("default")}?limit=2&continue={continued.Body!["metadata"]!["continue"]}");
        Assert.Equal(200, next.Code);
    }
}
