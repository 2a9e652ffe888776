namespace CiBridge.Operator.Tests.Cli;

public sealed class RunCommandTests
{
    [Fact]
    public async Task Run_WithMissingKubeconfig_SaysWhichFileInOneLine()
    {
        var run = await CliRun.RunAsync("run", "--kubeconfig", "/nonexistent/kubeconfig", "--health-port", "0", "--metrics-port", "0");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: /nonexistent/kubeconfig: file: not found", run.Error.Trim());
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WebhookPortWithoutCertificates_IsAUsageError()
    {
        var kubeconfig = Path.Combine(Path.GetTempPath(), $"kubeconfig-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(kubeconfig, """
            apiVersion: v1
            kind: Config
            clusters: [{name: c, cluster: {server: "https://127.0.0.1:1"}}]
            users: [{name: u, user: {token: t}}]
            contexts: [{name: x, context: {cluster: c, user: u}}]
            current-context: x
            """, TestContext.Current.CancellationToken);
        try
        {
            var run = await CliRun.RunAsync("run", "--kubeconfig", kubeconfig, "--webhook-port", "0", "--health-port", "0", "--metrics-port", "0");

            Assert.Equal(2, run.ExitCode);
            Assert.Equal("error: --webhook-port needs --webhook-cert-dir with tls.crt and tls.key", run.Error.Trim());
        }
        finally
        {
            File.Delete(kubeconfig);
        }
    }

    [Fact]
    public async Task Run_RejectsAnUnknownLogFormat()
    {
        var run = await CliRun.RunAsync("run", "--log-format", "xml");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("xml", run.Error, StringComparison.Ordinal);
    }
}
