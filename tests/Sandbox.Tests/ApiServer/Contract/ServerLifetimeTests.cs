using CiBridge.Sandbox.ApiServer;
using CiBridge.Sandbox.Tests.ApiServer.Support;

namespace CiBridge.Sandbox.Tests.ApiServer.Contract;

/// <summary>Starting and stopping the sandbox (sandbox only).</summary>
public sealed class ServerLifetimeTests
{
    [Fact]
    public async Task Dispose_WithOpenWatches_EndsThemAndReturnsPromptly()
    {
        var server = await SandboxApiServer.StartAsync(new SandboxApiServerOptions(), TestContext.Current.CancellationToken);
        using var client = new ApiClient(server.BaseAddress, server.Token, server.CaCertificatePem);
        var watches = new List<WatchReader>();
        for (var i = 0; i < 3; i++) watches.Add(await client.WatchAsync("/api/v1/namespaces/default/configmaps?resourceVersion=1"));
        var disposing = server.DisposeAsync().AsTask();
        var finished = await Task.WhenAny(disposing, Task.Delay(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));
        Assert.Same(disposing, finished);
        foreach (var watch in watches)
        {
            await Assert.ThrowsAnyAsync<Exception>(async () =>
            {
                if (await watch.NextAsync(TimeSpan.FromSeconds(5)) is null) throw new EndOfStreamException();
            });
            watch.Dispose();
        }
    }

    [Fact]
    public async Task WriteKubeconfig_GivesKubectlAWorkingContext()
    {
        await using var server = await SandboxApiServer.StartAsync(new SandboxApiServerOptions { Token = "fixed-token-for-test" }, TestContext.Current.CancellationToken);
        var directory = Directory.CreateTempSubdirectory("sandbox-kubeconfig-").FullName;
        var path = Path.Combine(directory, "nested", "kubeconfig");
        server.WriteKubeconfig(path, "team-a");
        Assert.Equal("fixed-token-for-test", server.Token);
        var kubectl = new Support.Kubectl(path, Path.Combine(directory, "cache"), null);
        var context = (await kubectl.RunAsync("config", "view", "--minify", "-o", "jsonpath={.contexts[0].name}/{.contexts[0].context.namespace}")).Succeeded();
        Assert.Equal("sandbox/team-a", context.Stdout);
        var version = (await kubectl.RunAsync("version", "-o", "json")).Succeeded();
        Assert.Contains("\"minor\": \"32\"", version.Stdout, StringComparison.Ordinal);
        Directory.Delete(directory, recursive: true);
    }
}
