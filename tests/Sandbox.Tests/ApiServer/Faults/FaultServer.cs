using CiBridge.Sandbox.ApiServer;
using CiBridge.Sandbox.ApiServer.Faults;
using CiBridge.Sandbox.Tests.ApiServer.Support;
using Microsoft.Extensions.Time.Testing;

namespace CiBridge.Sandbox.Tests.ApiServer.Faults;

/// <summary>A sandbox API server of its own (faults hit every client of a server) on a fake clock.</summary>
internal sealed class FaultServer : IAsyncDisposable
{
    private FaultServer(SandboxApiServer server, FakeTimeProvider time)
    {
        Server = server;
        Time = time;
        Client = new ApiClient(server.BaseAddress, server.Token, server.CaCertificatePem);
    }

    public SandboxApiServer Server { get; }
    public FakeTimeProvider Time { get; }
    public ApiClient Client { get; }
    public ApiFaults Faults => Server.Faults;

    /// <summary>The fake clock starts at the real time: the serving certificate is dated by it.</summary>
    public static async Task<FaultServer> StartAsync(ApiFaults? faults = null)
    {
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var options = new SandboxApiServerOptions { TimeProvider = time, Faults = faults ?? new ApiFaults() };
        var server = await SandboxApiServer.StartAsync(options, TestContext.Current.CancellationToken);
        return new FaultServer(server, time);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}
