using System.Text;
using CiBridge.Jenkins.Errors;
using CiBridge.Jenkins.Models;
using CiBridge.Sandbox.Jenkins;
using CiBridge.Sandbox.Jenkins.Faults;

namespace CiBridge.Jenkins.Tests;

/// <summary>A canary secret goes through every failure mode; it must never show up in an
/// exception message, an exception's ToString, a verify message, the settings' ToString, or a log line.</summary>
public sealed class CredentialLeakTests
{
    private const string Canary = "canary-7f3a9-SECRET";
    private const string HeaderCanary = "cf-canary-SECRET-42";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NoCredentialInErrorsOrLogs()
    {
        await using var f = await ClientFixture.StartAsync();
        f.StandIn.AddUser("canary", Canary, Canary);
        var texts = new List<string>();
        var settings = f.Settings() with
        {
            UserName = "canary",
            Secret = Canary,
            Headers = new Dictionary<string, string> { ["CF-Access-Client-Secret"] = HeaderCanary },
            Options = ClientFixture.FastOptions with { RequestTimeout = TimeSpan.FromMilliseconds(300) },
        };
        texts.Add(settings.ToString());
        foreach (var fault in new[] { FaultKind.BadGateway, FaultKind.Reset, FaultKind.LoginRedirect, FaultKind.NotJenkins, FaultKind.Hang })
        {
            f.StandIn.InjectFault(new StandInFault(fault));
            await CollectAsync(f.Client(settings), texts);
            f.StandIn.ClearFaults();
        }
        await CollectAsync(f.Client(settings with { Secret = Canary + "-wrong" }), texts);
        await CollectAsync(f.Client(settings with { AuthType = JenkinsAuthType.Password }), texts);
        await CollectAsync(f.Client(settings with { BaseUrl = new Uri("http://jenkins.canary.invalid/") }), texts);
        var withUserInfo = settings with { BaseUrl = new UriBuilder(f.StandIn.BaseAddress) { UserName = "canary", Password = Canary }.Uri };
        texts.Add(withUserInfo.ToString());
        await CollectAsync(f.Client(withUserInfo), texts);
        texts.AddRange(f.Logs.Lines);

        Assert.NotEmpty(f.Logs.Lines);
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes("canary:" + Canary));
        foreach (var text in texts)
        {
            Assert.DoesNotContain(Canary, text, StringComparison.Ordinal);
            Assert.DoesNotContain(HeaderCanary, text, StringComparison.Ordinal);
            Assert.DoesNotContain(basic, text, StringComparison.Ordinal);
        }
    }

    private static async Task CollectAsync(IJenkinsClient client, List<string> texts)
    {
        var outcome = await client.VerifyAsync(Ct);
        texts.Add(outcome.ToString());
        var calls = new Func<Task>[]
        {
            () => client.GetJobAsync(JenkinsStandInExample.BuildWar, Ct),
            () => client.TriggerAsync(new TriggerRequest(JenkinsStandInExample.BuildWar, new Dictionary<string, string> { ["BRANCH"] = "x" }, "run"), Ct),
            () => client.GetBuildAsync("hello", 99, Ct),
            () => client.StopBuildAsync("hello", 99, Ct),
        };
        foreach (var call in calls)
        {
            try
            {
                await call();
            }
            catch (JenkinsException e)
            {
                texts.Add(e.Message);
                texts.Add(e.ToString());
            }
        }
    }
}
