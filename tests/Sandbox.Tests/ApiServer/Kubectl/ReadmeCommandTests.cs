using System.Text.RegularExpressions;
using CiBridge.Sandbox.ApiServer;
using CiBridge.Sandbox.Tests.ApiServer.Support;

namespace CiBridge.Sandbox.Tests.ApiServer.Kubectl;

/// <summary>The kubectl commands README.md and docs/install.md give, run as written with the real kubectl against a fresh sandbox.</summary>
public sealed partial class ReadmeCommandTests
{
    [Fact]
    public async Task ReadmeRealClusterBlock_RunsAsWritten_OnAnEmptyApiServer()
    {
        var commands = KubectlLines(Section(RepoFiles.Read("README.md"), "## On a real cluster"));
        Assert.Contains(commands, c => c.Contains("config/crds", StringComparison.Ordinal));

        var ran = await RunOnFreshSandboxAsync(commands);

        Assert.Contains(ran, r => r.Command.StartsWith("kubectl -n team-a get cibridge", StringComparison.Ordinal) && r.Result.Stdout.Contains("citask.cibridge.dev/build-process-war", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InstallDocsCrdUpgradeCommand_RunsAsWritten()
    {
        var text = RepoFiles.Read("docs/install.md");
        var command = InlineCrdCommand().Match(text);
        Assert.True(command.Success, "docs/install.md names no kubectl command for config/crds");

        var ran = await RunOnFreshSandboxAsync([command.Groups[1].Value]);

        Assert.Contains("customresourcedefinition.apiextensions.k8s.io/citasks.cibridge.dev", Assert.Single(ran).Result.Stdout, StringComparison.Ordinal);
    }

    /// <summary>Runs each command with kubectl from the repository root, as a reader would, and requires every one to succeed.</summary>
    private static async Task<List<(string Command, KubectlResult Result)>> RunOnFreshSandboxAsync(IReadOnlyList<string> commands)
    {
        await using var server = await SandboxApiServer.StartAsync(new SandboxApiServerOptions(), TestContext.Current.CancellationToken);
        var directory = Directory.CreateTempSubdirectory("cibridge-readme-").FullName;
        try
        {
            var kubeconfig = Path.Combine(directory, "kubeconfig");
            server.WriteKubeconfig(kubeconfig);
            var kubectl = new Support.Kubectl(kubeconfig, Path.Combine(directory, "cache"), null);
            var ran = new List<(string, KubectlResult)>();
            foreach (var command in commands)
            {
                var result = await kubectl.RunAsync(command.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..]);
                Assert.True(result.ExitCode == 0, $"`{command}` failed: {result}");
                ran.Add((command, result));
            }
            return ran;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string Section(string markdown, string heading)
    {
        var start = markdown.IndexOf(heading, StringComparison.Ordinal);
        Assert.True(start >= 0, $"README.md has no section {heading}");
        var end = markdown.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        return end < 0 ? markdown[start..] : markdown[start..end];
    }

    /// <summary>The kubectl lines of the section's first shell block, without trailing comments.</summary>
    private static List<string> KubectlLines(string section)
    {
        var block = ShellBlock().Match(section);
        Assert.True(block.Success, "no ```sh block in the section");
        return [.. block.Groups[1].Value.Split('\n')
            .Select(line => line.Split('#')[0].Trim())
            .Where(line => line.StartsWith("kubectl ", StringComparison.Ordinal))];
    }

    [GeneratedRegex("```sh\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex ShellBlock();

    [GeneratedRegex("`(kubectl apply [^`]*config/crds/?)`")]
    private static partial Regex InlineCrdCommand();
}
