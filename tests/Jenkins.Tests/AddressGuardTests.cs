using System.Net;
using CiBridge.Jenkins.Errors;
using CiBridge.Sandbox.Jenkins;

namespace CiBridge.Jenkins.Tests;

/// <summary>
/// The connect-time address check: the stand-in listens on loopback, so refusing loopback stands
/// in for refusing a metadata address (which tests cannot listen on).
/// </summary>
public sealed class AddressGuardTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    public async Task RefusedAddress_ByNameOrLiteral_IsNeverDialled(string host)
    {
        await using var f = await ClientFixture.StartAsync();
        var factory = new JenkinsClientFactory(TimeProvider.System, refusedAddress: IPAddress.IsLoopback);
        using var client = factory.Create(f.Settings() with { BaseUrl = OnHost(f.StandIn.BaseAddress, host) });

        var error = await Assert.ThrowsAsync<JenkinsException>(() => client.TriggerAsync(new Models.TriggerRequest(JenkinsStandInExample.Hello), Ct));

        Assert.Equal(JenkinsErrorKind.InvalidRequest, error.Kind);
        Assert.Contains($"{host} resolves to 127.0.0.1", error.Message, StringComparison.Ordinal);
        Assert.Contains("refuses to connect", error.Message, StringComparison.Ordinal);
        Assert.Empty(f.StandIn.ReceivedBuilds());
        Assert.Equal(0, f.StandIn.QueueLength);
    }

    [Fact]
    public async Task AddressNotRefused_ConnectsThroughTheCheck()
    {
        await using var f = await ClientFixture.StartAsync();
        var metadata = IPAddress.Parse("169.254.169.254");
        var factory = new JenkinsClientFactory(TimeProvider.System, refusedAddress: metadata.Equals);
        using var client = factory.Create(f.Settings() with { BaseUrl = OnHost(f.StandIn.BaseAddress, "localhost") });

        var job = await client.GetJobAsync(JenkinsStandInExample.Hello, Ct);

        Assert.Equal("hello", job.FullName);
    }

    [Fact]
    public async Task Verify_OfARefusedAddress_SaysWhy()
    {
        await using var f = await ClientFixture.StartAsync();
        var factory = new JenkinsClientFactory(TimeProvider.System, refusedAddress: IPAddress.IsLoopback);
        using var client = factory.Create(f.Settings() with { BaseUrl = OnHost(f.StandIn.BaseAddress, "localhost") });

        var outcome = await client.VerifyAsync(Ct);

        Assert.Equal(Models.VerifyStatus.Unreachable, outcome.Status);
        Assert.Contains("refuses to connect", outcome.Message, StringComparison.Ordinal);
    }

    private static Uri OnHost(Uri address, string host) => new UriBuilder(address) { Host = host }.Uri;
}
