using System.Text.Json.Nodes;
using CiBridge.TestKit;

namespace CiBridge.EndToEnd.Tests;

/// <summary>The README's main command, run as a newcomer would, then looked at with the real kubectl.</summary>
public sealed class SandboxProgramTests
{
    [Fact]
    public async Task Sandbox_VerifiesTheSampleEndpoint_RunsTheSampleTask_AndStopsCleanlyOnSigterm()
    {
        await using var sandbox = SandboxProcess.Start();

        Assert.StartsWith("Starting the CiBridge sandbox", await sandbox.WaitForLineAsync("^Starting", "the first line", TimeSpan.FromSeconds(20)), StringComparison.Ordinal);
        await sandbox.WaitForLineAsync(@"^\d\d:\d\d:\d\d jenkinsendpoint/jenkins-prod: Ready=True Verified$", "the sample endpoint verified");
        await sandbox.WaitForLineAsync(@"^\d\d:\d\d:\d\d citask/build-process-war: Succeeded build=1 Ready=True$", "the sample task succeeded");
        var kubectl = await ExternalTool.RunAsync("kubectl", ["get", "citasks"], sandbox.KubectlEnvironment, ct: Scenario.Ct);
        Assert.True(kubectl.ExitCode == 0, kubectl.ToString());
        Assert.Matches(@"build-process-war\s+jenkins-prod\s+platform/process/build-war\s+True\s+Succeeded\s+1", kubectl.StandardOutput);

        // A normal start is quiet: no warnings in the log, no Warning Events, Pending before Queued.
        var events = await EventsAsync(sandbox);
        Assert.DoesNotContain(events, e => e.Type == "Warning");
        Assert.Equal(["Pending", "Queued", "Running", "Succeeded"], events.Where(e => e.Object == "CiTask").Select(e => e.Reason));

        Assert.Equal(0, await sandbox.SignalAndWaitAsync("TERM"));
        Assert.Equal(SandboxStopLine, sandbox.Output.Last());
        Assert.DoesNotContain(sandbox.Output, l => l.Contains("Exception", StringComparison.Ordinal) || l.Contains(" WRN ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReapplyingConfigSamples_LeavesTheSandboxWorking_AndProgressShowsEachRunAndTheDeletion()
    {
        await using var sandbox = SandboxProcess.Start();
        await sandbox.WaitForLineAsync("citask/build-process-war: Succeeded build=1", "the first run");

        // The README's command for a cluster: it writes back the placeholder URL and credentials.
        var apply = await ExternalTool.RunAsync("kubectl", ["apply", "-k", "config/samples/"], sandbox.KubectlEnvironment, ct: Scenario.Ct);
        Assert.True(apply.ExitCode == 0, apply.ToString());
        await sandbox.WaitForLineAsync("jenkinsendpoint/jenkins-prod: config/samples' placeholder Jenkins was re-applied; pointed back at http://127.0.0.1:", "the repair line");
        var patch = await ExternalTool.RunAsync("kubectl", ["patch", "citask", "build-process-war", "--type=merge", "-p", """{"spec":{"revision":"second"}}"""],
            sandbox.KubectlEnvironment, ct: Scenario.Ct);
        Assert.True(patch.ExitCode == 0, patch.ToString());
        await sandbox.WaitForLineAsync(@"citask/build-process-war: Succeeded build=2 Ready=True$", "the second run against the stand-in");
        var delete = await ExternalTool.RunAsync("kubectl", ["delete", "citask", "build-process-war"], sandbox.KubectlEnvironment, ct: Scenario.Ct);
        Assert.True(delete.ExitCode == 0, delete.ToString());
        await sandbox.WaitForLineAsync(@"^\d\d:\d\d:\d\d citask/build-process-war: deleted$", "the deletion");

        // The second run has its own Pending, recorded before its Queued.
        // (Re-applying the samples may add Warnings while the placeholder was in place; not counted.)
        var runReasons = (await EventsAsync(sandbox)).Where(e => e.Object == "CiTask" && e.Type == "Normal").Select(e => e.Reason);
        Assert.Equal(["Pending", "Queued", "Running", "Succeeded", "Pending", "Queued", "Running", "Succeeded"], runReasons);
        Assert.Equal(0, await sandbox.SignalAndWaitAsync("TERM"));
        // While the placeholder was in place, a failure is logged once, by the reconcile, not again by the Jenkins client.
        Assert.DoesNotContain(sandbox.Output, l => l.Contains(" WRN CiBridge.Jenkins", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Webhook_DeniesAnUnapprovedProviderKind_AtKubectlApply_AndCtrlCStopsTheSandbox()
    {
        await using var sandbox = SandboxProcess.Start();
        await sandbox.WaitForLineAsync("^Press Ctrl-C to stop", "the sandbox ready");
        const string gitLabTask = """
            apiVersion: cibridge.dev/v1alpha1
            kind: CiTask
            metadata: {name: from-gitlab}
            spec:
              endpointRef: {kind: GitLabEndpoint, name: gitlab}
              job: platform/build
              revision: r1
            """;

        var apply = await ExternalTool.RunAsync("kubectl", ["apply", "-f", "-"], sandbox.KubectlEnvironment, gitLabTask, ct: Scenario.Ct);

        Assert.Equal(1, apply.ExitCode);
        Assert.Contains("""admission webhook "citasks.cibridge.dev" denied the request: spec.endpointRef.kind: provider kind "GitLabEndpoint" is not approved; approved provider kinds: JenkinsEndpoint.""",
            apply.StandardError, StringComparison.Ordinal);
        var get = await ExternalTool.RunAsync("kubectl", ["get", "citask", "from-gitlab"], sandbox.KubectlEnvironment, ct: Scenario.Ct);
        Assert.Contains("NotFound", get.StandardError, StringComparison.Ordinal);

        if (SignalIgnoredHere("INT")) Assert.Skip("SIGINT is ignored in this test run (started in the background), so the sandbox inherits that");
        Assert.Equal(0, await sandbox.SignalAndWaitAsync("INT"));
        Assert.Equal(SandboxStopLine, sandbox.Output.Last());
    }

    [Fact]
    public async Task PortAlreadyTaken_IsOneLine_Exit2()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var sandbox = SandboxProcess.Start("--api-only", "--port", port);

        Assert.Equal(2, await sandbox.WaitForExitAsync());
        Assert.Equal($"stderr: sandbox: Failed to bind to address https://127.0.0.1:{port}: address already in use.", sandbox.Output.Last());
        Assert.DoesNotContain(sandbox.Output, l => l.Contains("   at ", StringComparison.Ordinal));
    }

    private const string SandboxStopLine = "Stopping the sandbox.";

    private sealed record EventView(string Object, string Type, string Reason);

    /// <summary>The Events in the order they were created (each run's Events are distinct objects).</summary>
    private static async Task<IReadOnlyList<EventView>> EventsAsync(SandboxProcess sandbox)
    {
        var result = await ExternalTool.RunAsync("kubectl", ["get", "events", "-o", "json"], sandbox.KubectlEnvironment, ct: Scenario.Ct);
        Assert.True(result.ExitCode == 0, result.ToString());
        return [.. JsonNode.Parse(result.StandardOutput)!["items"]!.AsArray()
            .OrderBy(e => long.Parse(e!["metadata"]!["resourceVersion"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture))
            .Select(e => new EventView(e!["involvedObject"]!["kind"]!.GetValue<string>(), e["type"]!.GetValue<string>(), e["reason"]!.GetValue<string>()))];
    }

    /// <summary>Whether this process ignores the signal (a shell's background job ignores SIGINT; children inherit it).</summary>
    private static bool SignalIgnoredHere(string signal)
    {
        var number = signal == "INT" ? 2 : 15;
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null && (Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16) & (1UL << (number - 1))) != 0;
    }
}
