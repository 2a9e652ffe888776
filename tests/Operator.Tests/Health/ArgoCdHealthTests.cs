using CiBridge.Kubernetes.Yaml;
using CiBridge.TestKit;

namespace CiBridge.Operator.Tests.Health;

/// <summary>
/// The Argo CD health scripts of examples/argocd/argocd-cm-health.yaml, run by a real Lua 5.1
/// interpreter (Argo CD runs gopher-lua, a Lua 5.1) on the status fixtures.
/// </summary>
public sealed class ArgoCdHealthTests
{
    [Theory]
    [InlineData("citask-no-status", "Progressing")]
    [InlineData("citask-queued", "Progressing")]
    [InlineData("citask-running", "Progressing")]
    [InlineData("citask-retrying", "Progressing")]
    [InlineData("citask-new-generation", "Progressing")]
    [InlineData("citask-succeeded", "Healthy")]
    [InlineData("citask-failed", "Degraded")]
    [InlineData("citask-timed-out", "Degraded")]
    [InlineData("citask-stalled", "Degraded")]
    [InlineData("citask-endpoint-not-ready", "Degraded")]
    [InlineData("citask-deleted-endpoint", "Degraded")]
    [InlineData("endpoint-verified", "Healthy")]
    [InlineData("endpoint-unreachable", "Degraded")]
    [InlineData("endpoint-auth-failed", "Degraded")]
    [InlineData("endpoint-not-approved", "Degraded")]
    [InlineData("endpoint-new-generation", "Progressing")]
    public async Task HealthScript_GivesTheExpectedStatus(string fixture, string expected)
    {
        var (status, message) = await RunAsync(fixture);

        Assert.Equal(expected, status);
        Assert.False(string.IsNullOrWhiteSpace(message), "every verdict explains itself");
    }

    [Fact]
    public async Task Degraded_NamesTheReasonAndMessage()
    {
        var (_, message) = await RunAsync("citask-deleted-endpoint");

        Assert.Equal("EndpointNotReady: JenkinsEndpoint \"jenkins-prod\" not found", message);
    }

    private static async Task<(string Status, string Message)> RunAsync(string fixture)
    {
        var obj = StatusFixtures.Load(fixture);
        var program = $"obj = {StatusFixtures.ToLua(obj)}\nlocal function health()\n{Script(obj["kind"]!.GetValue<string>())}\nend\nlocal hs = health()\nio.write(hs.status, \"\\n\", hs.message)\n";

        var result = await ExternalTool.RunAsync("lua5.1", ["-"], standardInput: program, ct: TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.StandardOutput.Split('\n', 2);
        return (lines[0], lines.Length > 1 ? lines[1] : "");
    }

    private static string Script(string kind)
    {
        var configMap = YamlJson.ReadDocuments(File.ReadAllText(RepositoryPaths.Combine("examples", "argocd", "argocd-cm-health.yaml"))).Single();
        return configMap["data"]![$"resource.customizations.health.cibridge.dev_{kind}"]!.GetValue<string>();
    }
}
