using System.Net;
using System.Net.Sockets;
using CiBridge.Jenkins.Models;
using CiBridge.Sandbox.Jenkins;
using CiBridge.Sandbox.Jenkins.Faults;

namespace CiBridge.Jenkins.Tests;

public sealed class VerifyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Verify_ApiToken_ReportsVersionUserAndCrumbs()
    {
        await using var f = await ClientFixture.StartAsync();
        var outcome = await f.Client().VerifyAsync(Ct);
        Assert.Equal(VerifyStatus.Verified, outcome.Status);
        Assert.Equal("2.492.3", outcome.Version);
        Assert.Equal("admin", outcome.User);
        Assert.True(outcome.CrumbsRequired);
    }

    [Fact]
    public async Task Verify_Password_FetchesCrumb()
    {
        await using var f = await ClientFixture.StartAsync();
        var outcome = await f.Client(JenkinsAuthType.Password).VerifyAsync(Ct);
        Assert.Equal(VerifyStatus.Verified, outcome.Status);
    }

    [Fact]
    public async Task Verify_WrongToken_Unauthorized()
    {
        await using var f = await ClientFixture.StartAsync();
        var outcome = await f.Client(secret: "11ffffffffffffffffffffffffffffffff").VerifyAsync(Ct);
        Assert.Equal(VerifyStatus.Unauthorized, outcome.Status);
    }

    [Fact]
    public async Task Verify_TokenRevokedAfterSuccess_Unauthorized()
    {
        await using var f = await ClientFixture.StartAsync();
        var client = f.Client();
        Assert.True((await client.VerifyAsync(Ct)).Succeeded);
        f.StandIn.RevokeApiToken(JenkinsStandInExample.User, JenkinsStandInExample.ApiToken);
        Assert.Equal(VerifyStatus.Unauthorized, (await client.VerifyAsync(Ct)).Status);
    }

    [Fact]
    public async Task Verify_UserWithoutOverallRead_Forbidden()
    {
        await using var f = await ClientFixture.StartAsync();
        f.StandIn.AddUser("reader", apiToken: "11aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", canRead: false);
        var outcome = await f.Client(f.Settings() with { UserName = "reader", Secret = "11aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" }).VerifyAsync(Ct);
        Assert.Equal(VerifyStatus.Forbidden, outcome.Status);
        Assert.Contains("hudson.model.Hudson.Read", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_SecurityDisabled_Anonymous()
    {
        await using var f = await ClientFixture.StartAsync(o => new JenkinsStandInOptions { TimeProvider = o.TimeProvider, UseSecurity = false });
        Assert.Equal(VerifyStatus.Anonymous, (await f.Client().VerifyAsync(Ct)).Status);
    }

    [Theory]
    [InlineData(FaultKind.NotJenkins, VerifyStatus.NotJenkins)]
    [InlineData(FaultKind.LoginRedirect, VerifyStatus.LoginRedirect)]
    [InlineData(FaultKind.BadGateway, VerifyStatus.ServerError)]
    [InlineData(FaultKind.Starting, VerifyStatus.ServerError)]
    [InlineData(FaultKind.Reset, VerifyStatus.Unreachable)]
    public async Task Verify_Fault_Classified(FaultKind fault, VerifyStatus expected)
    {
        await using var f = await ClientFixture.StartAsync();
        f.StandIn.InjectFault(new StandInFault(fault));
        var outcome = await f.Client().VerifyAsync(Ct);
        Assert.Equal(expected, outcome.Status);
        Assert.False(string.IsNullOrWhiteSpace(outcome.Message));
    }

    [Fact]
    public async Task Verify_ServerHangs_Timeout()
    {
        await using var f = await ClientFixture.StartAsync();
        f.StandIn.InjectFault(new StandInFault(FaultKind.Hang));
        var options = ClientFixture.FastOptions with { RequestTimeout = TimeSpan.FromMilliseconds(200), ReadRetries = 0 };
        Assert.Equal(VerifyStatus.Timeout, (await f.Client(options: options).VerifyAsync(Ct)).Status);
    }

    [Fact]
    public async Task Verify_NothingListening_Unreachable()
    {
        await using var f = await ClientFixture.StartAsync();
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var settings = f.Settings() with { BaseUrl = new Uri($"http://127.0.0.1:{port}/") };
        Assert.Equal(VerifyStatus.Unreachable, (await f.Client(settings).VerifyAsync(Ct)).Status);
    }

    [Fact]
    public async Task Verify_UnknownHost_DnsFailure()
    {
        await using var f = await ClientFixture.StartAsync();
        var settings = f.Settings() with { BaseUrl = new Uri("http://jenkins.cibridge-test.invalid/") };
        Assert.Equal(VerifyStatus.DnsFailure, (await f.Client(settings).VerifyAsync(Ct)).Status);
    }

    [Fact]
    public async Task Verify_BehindAccessProxy_NeedsTheCustomHeaders()
    {
        var required = new Dictionary<string, string> { ["CF-Access-Client-Id"] = "id.access", ["CF-Access-Client-Secret"] = "s3cr3t" };
        await using var f = await ClientFixture.StartAsync(o => new() { TimeProvider = o.TimeProvider, RequiredHeaders = required });
        Assert.Equal(VerifyStatus.LoginRedirect, (await f.Client().VerifyAsync(Ct)).Status);
        var client = f.Client(f.Settings() with { Headers = required });
        Assert.Equal(VerifyStatus.Verified, (await client.VerifyAsync(Ct)).Status);
        await client.TriggerAsync(new TriggerRequest("hello"), Ct);
        Assert.Single(f.StandIn.ReceivedBuilds());
    }

    [Fact]
    public async Task Verify_ThroughHttpProxy_ReachesHostOnlyTheProxyKnows()
    {
        await using var f = await ClientFixture.StartAsync();
        // The stand-in also answers absolute-form (proxy) requests, so it can play the proxy.
        var viaProxy = f.Settings() with { BaseUrl = new Uri("http://jenkins.behind-proxy.invalid/"), Proxy = f.StandIn.BaseAddress };
        Assert.Equal(VerifyStatus.Verified, (await f.Client(viaProxy).VerifyAsync(Ct)).Status);
        var direct = viaProxy with { Proxy = null };
        Assert.Equal(VerifyStatus.DnsFailure, (await f.Client(direct).VerifyAsync(Ct)).Status);
    }

    [Fact]
    public async Task Verify_UnderPathPrefix_Verified()
    {
        await using var f = await ClientFixture.StartAsync(o => new JenkinsStandInOptions { TimeProvider = o.TimeProvider, PathPrefix = "/jenkins" });
        Assert.EndsWith("/jenkins/", f.StandIn.BaseAddress.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal(VerifyStatus.Verified, (await f.Client().VerifyAsync(Ct)).Status);
        var noSlash = f.Settings() with { BaseUrl = new Uri(f.StandIn.BaseAddress.AbsoluteUri.TrimEnd('/')) };
        Assert.Equal(VerifyStatus.Verified, (await f.Client(noSlash).VerifyAsync(Ct)).Status);
        var wrongBase = f.Settings() with { BaseUrl = new Uri(f.StandIn.BaseAddress, "/") };
        Assert.Equal(VerifyStatus.NotJenkins, (await f.Client(wrongBase).VerifyAsync(Ct)).Status);
    }
}
