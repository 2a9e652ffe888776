using CiBridge.Sandbox.Jenkins;
using Microsoft.Extensions.Time.Testing;

namespace CiBridge.Jenkins.Tests;

/// <summary>A stand-in (example configuration, manual clock) and a client factory logging into memory.</summary>
internal sealed class ClientFixture : IAsyncDisposable
{
    private readonly List<IJenkinsClient> _clients = [];

    private ClientFixture(JenkinsStandIn standIn, FakeTimeProvider time)
    {
        StandIn = standIn;
        Time = time;
        Factory = new JenkinsClientFactory(TimeProvider.System, Logs);
    }

    public JenkinsStandIn StandIn { get; }
    public FakeTimeProvider Time { get; }
    public CapturingLoggerProvider Logs { get; } = new();
    public JenkinsClientFactory Factory { get; }

    public static JenkinsClientOptions FastOptions { get; } = new()
    {
        ReadRetries = 1,
        RetryDelay = TimeSpan.FromMilliseconds(5),
        RequestTimeout = TimeSpan.FromSeconds(10),
    };

    public static async Task<ClientFixture> StartAsync(Func<JenkinsStandInOptions, JenkinsStandInOptions>? configure = null)
    {
        var time = new FakeTimeProvider();
        var options = new JenkinsStandInOptions { TimeProvider = time };
        options = configure?.Invoke(options) ?? options;
        var standIn = await JenkinsStandIn.StartAsync(options, TestContext.Current.CancellationToken);
        JenkinsStandInExample.Apply(standIn);
        return new ClientFixture(standIn, time);
    }

    public JenkinsEndpointSettings Settings(JenkinsAuthType auth = JenkinsAuthType.Token, string? secret = null, JenkinsClientOptions? options = null) => new()
    {
        BaseUrl = StandIn.BaseAddress,
        AuthType = auth,
        UserName = JenkinsStandInExample.User,
        Secret = secret ?? (auth == JenkinsAuthType.Token ? JenkinsStandInExample.ApiToken : JenkinsStandInExample.Password),
        Options = options ?? FastOptions,
    };

    public IJenkinsClient Client(JenkinsAuthType auth = JenkinsAuthType.Token, string? secret = null, JenkinsClientOptions? options = null) =>
        Client(Settings(auth, secret, options));

    public IJenkinsClient Client(JenkinsEndpointSettings settings)
    {
        var client = Factory.Create(settings);
        _clients.Add(client);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients) client.Dispose();
        await StandIn.DisposeAsync();
    }
}
