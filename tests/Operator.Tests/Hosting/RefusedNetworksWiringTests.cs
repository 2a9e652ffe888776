using CiBridge.Jenkins;
using CiBridge.Jenkins.Errors;
using CiBridge.Jenkins.Models;
using CiBridge.Operator.Hosting;
using CiBridge.Sandbox.Jenkins;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CiBridge.Operator.Tests.Hosting;

/// <summary>
/// <c>--refused-endpoint-networks</c> reaches the Jenkins clients the operator makes: a host name
/// that resolves into a refused range is never dialled. The stand-in listens on loopback, so
/// refusing loopback stands in for refusing a metadata address.
/// </summary>
public sealed class RefusedNetworksWiringTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ANameResolvingIntoAConfiguredRange_IsRefusedAtConnectTime_WhileTheBuiltInListLetsItThrough()
    {
        await using var jenkins = await JenkinsStandInExample.StartAsync(new JenkinsStandInOptions { TimeProvider = new FakeTimeProvider() }, Ct);
        var settings = new JenkinsEndpointSettings
        {
            BaseUrl = new UriBuilder(jenkins.BaseAddress) { Host = "localhost" }.Uri,
            UserName = JenkinsStandInExample.User,
            Secret = JenkinsStandInExample.ApiToken,
            Options = new JenkinsClientOptions { ReadRetries = 0 },
        };
        using var refusing = ClientFactory(["127.0.0.0/8", "::1/128"]).Create(settings);
        using var builtIn = ClientFactory(new OperatorOptions().RefusedEndpointNetworks).Create(settings);

        var error = await Assert.ThrowsAsync<JenkinsException>(() => refusing.TriggerAsync(new TriggerRequest(JenkinsStandInExample.Hello), Ct));
        var job = await builtIn.GetJobAsync(JenkinsStandInExample.Hello, Ct);

        Assert.Equal(JenkinsErrorKind.InvalidRequest, error.Kind);
        Assert.Contains("localhost resolves to", error.Message, StringComparison.Ordinal);
        Assert.Contains("refuses to connect", error.Message, StringComparison.Ordinal);
        Assert.Empty(jenkins.ReceivedBuilds());
        Assert.Equal(0, jenkins.QueueLength);
        Assert.Equal("hello", job.FullName);
    }

    [Fact]
    public void AnEntryThatIsNoAddress_IsAnErrorNamingTheFlagAndTheEntry()
    {
        var error = Assert.Throws<ArgumentException>(() => ClientFactory(["169.254.0.0/16", "metadata.internal"]));

        Assert.Equal("--refused-endpoint-networks: \"metadata.internal\" is neither an IP address nor a CIDR range such as 169.254.0.0/16", error.Message);
    }

    /// <summary>The client factory exactly as the operator registers it.</summary>
    private static IJenkinsClientFactory ClientFactory(IReadOnlyList<string> refused)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddCiBridgeOperator(new OperatorOptions { RefusedEndpointNetworks = refused });
        return services.BuildServiceProvider().GetRequiredService<IJenkinsClientFactory>();
    }
}
