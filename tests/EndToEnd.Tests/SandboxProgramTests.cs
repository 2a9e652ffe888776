using System.Collections.Concurrent;
using System.Diagnostics;
using CiBridge.TestKit;

namespace CiBridge.EndToEnd.Tests;

/// <summary>The README's main command, run as a newcomer would, then looked at with the real kubectl.</summary>
public sealed class SandboxProgramTests
{
    [Fact]
    public async Task Sandbox_VerifiesTheSampleEndpoint_RunsTheSampleTask_AndKubectlSeesIt()
    {
        var directory = Directory.CreateTempSubdirectory("cibridge-sandbox-").FullName;
        var kubeconfig = Path.Combine(directory, "kubeconfig");
        var output = new ConcurrentQueue<string>();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "ci-bridge-sandbox.dll"), "--kubeconfig", kubeconfig }) start.ArgumentList.Add(argument);
        using var sandbox = Process.Start(start)!;
        sandbox.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        sandbox.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue("stderr: " + e.Data); };
        sandbox.BeginOutputReadLine();
        sandbox.BeginErrorReadLine();
        try
        {
            await Eventually.HoldsAsync(() => output.Any(l => l.StartsWith("jenkinsendpoint/jenkins-prod: Ready=True Verified", StringComparison.Ordinal)),
                "the sample endpoint verified", TimeSpan.FromSeconds(60), Scenario.Ct);
            await Eventually.HoldsAsync(() => output.Any(l => l.StartsWith("citask/build-process-war: Succeeded build=1", StringComparison.Ordinal)),
                "the sample task succeeded", TimeSpan.FromSeconds(90), Scenario.Ct);

            var kubectl = await ExternalTool.RunAsync("kubectl", ["get", "citasks"], new Dictionary<string, string> { ["KUBECONFIG"] = kubeconfig }, ct: Scenario.Ct);

            Assert.True(kubectl.ExitCode == 0, kubectl.ToString());
            Assert.Matches(@"build-process-war\s+jenkins-prod\s+platform/process/build-war\s+True\s+Succeeded\s+1", kubectl.StandardOutput);
            Assert.DoesNotContain(output, l => l.Contains("Exception", StringComparison.Ordinal));

            // Ctrl-C in a terminal, SIGTERM from a supervisor: either must end the whole sandbox.
            await ExternalTool.RunAsync("kill", ["-TERM", sandbox.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], ct: Scenario.Ct);
            using var exited = CancellationTokenSource.CreateLinkedTokenSource(Scenario.Ct);
            exited.CancelAfter(TimeSpan.FromSeconds(20));
            await sandbox.WaitForExitAsync(exited.Token);
        }
        finally
        {
            if (!sandbox.HasExited) sandbox.Kill(entireProcessTree: true);
            await sandbox.WaitForExitAsync(CancellationToken.None);
            Directory.Delete(directory, recursive: true);
        }
    }
}
