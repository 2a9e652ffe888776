using System.Text;
using CiBridge.Entities;
using CiBridge.Entities.CiTasks;
using CiBridge.Entities.JenkinsEndpoints;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Models;
using CiBridge.Sandbox.Jenkins.Model;

namespace CiBridge.EndToEnd.Tests;

/// <summary>The cluster verbs of the operator binary (verify, rerun, logs) as a user runs them, against the sandbox and the Jenkins stand-in.</summary>
public sealed class CommandLineTests(SharedEnvironment shared)
{
    private OperatorEnvironment Environment => shared.Environment;

    [Fact]
    public async Task Verify_AfterJenkinsRevokedTheToken_PrintsTheReasonAndTheFix_ThenVerifiedOnceTheSecretIsFixed()
    {
        var scenario = await Scenario.StartAsync(Environment);
        var (user, oldToken, newToken) = ($"rotating-{scenario.Namespace}", $"old-{Guid.NewGuid():N}", $"new-{Guid.NewGuid():N}");
        Environment.Jenkins.AddUser(user, apiToken: oldToken);
        await CreateCredentialsAsync(scenario, user, oldToken);
        await scenario.CreateEndpointAsync();
        await scenario.EndpointAsync(e => Conditions.IsTrue(e.Status?.Conditions, "Ready"), "Ready with the old token");

        // The token is rotated in Jenkins; nothing in the cluster changed, so only a verify request notices before the interval.
        Environment.Jenkins.RevokeApiToken(user, oldToken);
        Environment.Jenkins.AddUser(user, apiToken: newToken);
        var rejected = await CliInvocation.RunAsync(Environment, "verify", $"je/{Scenario.EndpointName}", "-n", scenario.Namespace, "--timeout", "60s");
        var secret = (await Environment.Client.GetAsync<Secret>(new ObjectKey(scenario.Namespace, Scenario.CredentialsName), Scenario.Ct))!;
        secret.Data!["token"] = Encoding.UTF8.GetBytes(newToken);
        await Environment.Client.ReplaceAsync(secret, Scenario.Ct);
        var verified = await CliInvocation.RunAsync(Environment, "verify", $"jenkinsendpoint/{Scenario.EndpointName}", "-n", scenario.Namespace);

        Assert.True(rejected.ExitCode == 1, rejected.ToString());
        Assert.StartsWith($"jenkinsendpoint/{Scenario.EndpointName} not ready: AuthenticationFailed: ", rejected.Output, StringComparison.Ordinal);
        Assert.Contains($"to fix: put a valid user name and API token (or password) into Secret \"{Scenario.CredentialsName}\"", rejected.Output, StringComparison.Ordinal);
        Assert.True(verified.ExitCode == 0, verified.ToString());
        var endpoint = (await Environment.Client.GetAsync<JenkinsEndpoint>(new ObjectKey(scenario.Namespace, Scenario.EndpointName), Scenario.Ct))!;
        Assert.Equal(
            $"jenkinsendpoint/{Scenario.EndpointName} verified as user \"{user}\" on Jenkins {Environment.Jenkins.Options.Version} with {endpoint.Status!.JobCount} jobs\n",
            verified.Output);
        Assert.Equal(endpoint.Metadata.Annotations![CiBridgeApi.VerifyRequestedAtAnnotation], endpoint.Status.LastHandledVerifyRequest);
        Assert.DoesNotContain(oldToken, rejected.ToString() + verified, StringComparison.Ordinal);
        await scenario.AssertInvariantsAsync(oldToken, newToken);
    }

    [Theory]
    [InlineData(SharedEnvironment.Quick, 0, "Succeeded", "SUCCESS")]
    [InlineData(SharedEnvironment.Failing, 1, "Failed", "FAILURE")]
    public async Task RerunWait_FollowsTheRequestedRunToItsEnd_AndExitsWithItsResult(string job, int exitCode, string phase, string result)
    {
        var scenario = await Scenario.StartAsync(Environment);
        await scenario.ReadyEndpointAsync();
        var created = await scenario.CreateTaskAsync("build", job);
        await scenario.FinishedAsync("build");

        var rerun = await CliInvocation.RunAsync(Environment, "rerun", "ct/build", "-n", scenario.Namespace, "--wait", "--timeout", "2m");

        var task = (await Environment.Client.GetAsync<CiTask>(new ObjectKey(scenario.Namespace, "build"), Scenario.Ct))!;
        var lines = rerun.Output.TrimEnd('\n').Split('\n');
        Assert.True(rerun.ExitCode == exitCode, rerun.ToString());
        Assert.StartsWith("citask/build run requested (cibridge.dev/run-requested-at=", lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"{phase} build #{task.Status!.CurrentRun!.BuildNumber} {result} after ", lines[^1], StringComparison.Ordinal);
        Assert.Equal(lines.Length, lines.Distinct().Count());   // one line per change, never a repeat
        Assert.Equal(2, scenario.BuildsOf(created, job).Count);
    }

    [Fact]
    public async Task LogsFollow_StartedWithTheTask_WaitsForTheBuild_AndPrintsTheGrowingConsoleOnceToItsEnd()
    {
        var scenario = await Scenario.StartAsync(Environment);
        var job = $"e2e/steps-{scenario.Namespace}";
        var steps = Enumerable.Range(1, 6).Select(i => $"step {i} of 6").ToList();
        Environment.Jenkins.AddJob(job, [StandInParameter.Text("CIBRIDGE_RUN_ID")], new JobBehavior(TimeSpan.FromSeconds(3), "SUCCESS", steps), JobKind.Pipeline);
        await scenario.ReadyEndpointAsync();
        await scenario.CreateTaskAsync("steps", job);

        var logs = await CliInvocation.RunAsync(Environment, "logs", "ct/steps", "-n", scenario.Namespace, "-f");

        Assert.True(logs.ExitCode == 0, logs.ToString());
        Assert.EndsWith(string.Join("\n", steps) + "\nFinished: SUCCESS\n", logs.Output, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(logs.Output, "step 1 of 6"));
    }

    [Fact]
    public async Task BadInput_IsOneLineNamingTheProblem_WithExitCode2()
    {
        var scenario = await Scenario.StartAsync(Environment);
        var cases = new (string[] Args, string Error)[]
        {
            (["logs", "pod/build", "-n", scenario.Namespace], "error: unknown kind 'pod' in 'pod/build': expected ct/NAME or citask/NAME"),
            (["verify", "ct/build", "-n", scenario.Namespace], "error: 'ct/build' is a CiTask; this command takes je/NAME or jenkinsendpoint/NAME"),
            (["rerun", "build", "-n", scenario.Namespace], "error: expected ct/NAME or citask/NAME, got 'build'"),
            (["rerun", "ct/missing", "-n", scenario.Namespace], $"error: citask \"missing\" not found in namespace \"{scenario.Namespace}\""),
            (["verify", "je/missing", "-n", scenario.Namespace], $"error: jenkinsendpoint \"missing\" not found in namespace \"{scenario.Namespace}\""),
            (["logs", "ct/missing", "-n", scenario.Namespace], $"error: citask \"missing\" not found in namespace \"{scenario.Namespace}\""),
            (["verify", "je/x", "--timeout", "soon", "-n", scenario.Namespace], "error: --timeout must be a duration such as 60s or 5m, not 'soon'"),
        };

        foreach (var (args, error) in cases)
        {
            var run = await CliInvocation.RunAsync(Environment, args);
            Assert.True(run.ExitCode == 2 && run.Error == error + "\n", $"{string.Join(' ', args)}: {run}");
        }
    }

    private static Task<Secret> CreateCredentialsAsync(Scenario scenario, string user, string token) =>
        scenario.Environment.Client.CreateAsync(new Secret
        {
            Metadata = new ObjectMeta { Name = Scenario.CredentialsName, Namespace = scenario.Namespace },
            Data = new() { ["username"] = Encoding.UTF8.GetBytes(user), ["token"] = Encoding.UTF8.GetBytes(token) },
        }, Scenario.Ct);
}
