using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CiBridge.Jenkins.Tests;

public sealed class ClientPoolTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pool_KeepsClientPerEndpoint_ReplacesOnChange_RetiresAfterGrace()
    {
        await using var f = await ClientFixture.StartAsync();
        var time = new FakeTimeProvider();
        using var pool = new JenkinsClientPool(f.Factory, time);
        var first = pool.Get("team-a/jenkins", f.Settings());
        Assert.Same(first, pool.Get("team-a/jenkins", f.Settings()));
        Assert.NotSame(first, pool.Get("team-b/jenkins", f.Settings()));

        var changed = pool.Get("team-a/jenkins", f.Settings(JenkinsAuthType.Password));
        Assert.NotSame(first, changed);
        Assert.True((await first.VerifyAsync(Ct)).Succeeded, "a replaced client keeps working during the grace period");
        time.Advance(JenkinsClientPool.RetireAfter);
        await Assert.ThrowsAnyAsync<ObjectDisposedException>(() => first.VerifyAsync(Ct));
        Assert.True((await changed.VerifyAsync(Ct)).Succeeded);
    }

    [Fact]
    public void AddJenkinsClient_RegistersFactoryAndPool()
    {
        using var services = new ServiceCollection().AddJenkinsClient().BuildServiceProvider();
        Assert.IsType<JenkinsClientFactory>(services.GetRequiredService<IJenkinsClientFactory>());
        Assert.IsType<JenkinsClientPool>(services.GetRequiredService<IJenkinsClientPool>());
    }

    [Fact]
    public void Factory_InvalidOptions_Rejected()
    {
        var settings = new JenkinsEndpointSettings
        {
            BaseUrl = new Uri("http://127.0.0.1/"),
            UserName = "u",
            Secret = "s",
            Options = new JenkinsClientOptions { MaxConcurrency = 0 },
        };
        Assert.Throws<ArgumentOutOfRangeException>(() => new JenkinsClientFactory().Create(settings));
        Assert.Throws<ArgumentException>(() => new JenkinsClientFactory().Create(settings with { BaseUrl = new Uri("ftp://x/"), Options = null }));
    }
}
