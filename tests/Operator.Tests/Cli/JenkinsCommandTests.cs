using System.Text.Json.Nodes;
using CiBridge.Sandbox.Jenkins;
using CiBridge.Sandbox.Jenkins.Faults;
using Microsoft.Extensions.Time.Testing;

namespace CiBridge.Operator.Tests.Cli;

/// <summary><c>ci-bridge jenkins verify|jobs|trigger</c> against the example stand-in.</summary>
public sealed class JenkinsCommandTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("cibridge-cli-").FullName;
    private JenkinsStandIn _standIn = null!;

    private string TokenFile => Path.Combine(_dir, "token");
    private string PasswordFile => Path.Combine(_dir, "password");

    public async ValueTask InitializeAsync()
    {
        _standIn = await JenkinsStandIn.StartAsync(new JenkinsStandInOptions { TimeProvider = _time }, TestContext.Current.CancellationToken);
        JenkinsStandInExample.Apply(_standIn);
        await File.WriteAllTextAsync(TokenFile, JenkinsStandInExample.ApiToken + "\n", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(PasswordFile, JenkinsStandInExample.Password, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _standIn.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private string[] Args(string verb, params string[] more) =>
        ["jenkins", verb, "--url", _standIn.BaseAddress.ToString(), "--user", "admin", "--token-file", TokenFile, .. more];

    [Fact]
    public async Task Verify_GoodToken_TableAndExitZero()
    {
        var run = await CliRun.RunAsync(Args("verify"));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Verified", run.Output, StringComparison.Ordinal);
        Assert.Contains("2.492.3", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_Json_WrongPassword_ExitOne()
    {
        await File.WriteAllTextAsync(PasswordFile, "wrong", TestContext.Current.CancellationToken);
        var run = await CliRun.RunAsync("jenkins", "verify", "--url", _standIn.BaseAddress.ToString(), "--user", "admin", "--password-file", PasswordFile, "-o", "json");
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("Unauthorized", JsonNode.Parse(run.Output)!["status"]!.GetValue<string>());
        Assert.DoesNotContain("wrong", run.Output + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_WrongToken_ShowsOnlyWhatWasChecked()
    {
        await File.WriteAllTextAsync(TokenFile, "not-the-token", TestContext.Current.CancellationToken);

        var table = await CliRun.RunAsync(Args("verify"));
        var json = await CliRun.RunAsync(Args("verify", "-o", "json"));

        Assert.True(table.ExitCode == 1, table.ToString());
        Assert.Contains("Unauthorized", table.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("CSRF", table.Output, StringComparison.Ordinal);
        Assert.Equal(1, json.ExitCode);
        var fields = JsonNode.Parse(json.Output)!.AsObject().Select(f => f.Key);
        Assert.Equal(["status", "message"], fields);
    }

    [Fact]
    public async Task Verify_GoodToken_SaysWhetherCrumbsAreRequired()
    {
        var run = await CliRun.RunAsync(Args("verify", "-o", "json"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.NotNull(JsonNode.Parse(run.Output)!["crumbsRequired"]);
    }

    [Theory]
    [InlineData("verify")]
    [InlineData("jobs")]
    public async Task UnsupportedOutputFormat_OneLineNamingTheFormats_ExitTwo(string verb)
    {
        var run = await CliRun.RunAsync(Args(verb, "-o", "yaml"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: --output must be text or json, not 'yaml'", run.Error.Trim());
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task Jobs_Json_KeepsUrlsEscapedAsJenkinsSentThem()
    {
        _standIn.AddJob("my job (v2)");

        var run = await CliRun.RunAsync(Args("jobs", "-o", "json"));

        Assert.True(run.ExitCode == 0, run.ToString());
        var job = JsonNode.Parse(run.Output)!["jobs"]!.AsArray().Single(j => j!["fullName"]!.GetValue<string>() == "my job (v2)")!;
        var url = job["url"]!.GetValue<string>();
        Assert.EndsWith("/job/my%20job%20(v2)/", url, StringComparison.Ordinal);
        Assert.True(Uri.IsWellFormedUriString(url, UriKind.Absolute), url);
    }

    [Fact]
    public async Task Verify_NotJenkins_ExitOne()
    {
        _standIn.InjectFault(new StandInFault(FaultKind.NotJenkins));
        var run = await CliRun.RunAsync(Args("verify"));
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("NotJenkins", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserMistakes_OneLineErrorsNoStackTrace()
    {
        var both = await CliRun.RunAsync(Args("verify", "--password-file", PasswordFile));
        Assert.Equal(2, both.ExitCode);
        Assert.Contains("exactly one of --token-file or --password-file", both.Error, StringComparison.Ordinal);
        var missing = await CliRun.RunAsync("jenkins", "verify", "--url", _standIn.BaseAddress.ToString(), "--user", "admin", "--token-file", Path.Combine(_dir, "nope"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("cannot read", missing.Error, StringComparison.Ordinal);
        var badParam = await CliRun.RunAsync(Args("trigger", "--job", "hello", "--param", "NOEQUALS"));
        Assert.Equal(2, badParam.ExitCode);
        var noJob = await CliRun.RunAsync(Args("trigger", "--job", "platform/nope"));
        Assert.Equal(1, noJob.ExitCode);
        Assert.Contains("404", noJob.Error, StringComparison.Ordinal);
        foreach (var run in new[] { both, missing, badParam, noJob }) Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Jobs_ListsThroughFolders_AndShowsParameters()
    {
        var list = await CliRun.RunAsync(Args("jobs", "-o", "json"));
        Assert.True(list.ExitCode == 0, list.ToString());
        var names = JsonNode.Parse(list.Output)!["jobs"]!.AsArray().Select(j => j!["fullName"]!.GetValue<string>());
        Assert.Contains("platform/process/build-war", names);
        var table = await CliRun.RunAsync(Args("jobs"));
        Assert.Contains("platform/process/build-war", table.Output, StringComparison.Ordinal);
        var job = await CliRun.RunAsync(Args("jobs", "--job", "platform/process/build-war"));
        Assert.Contains("CIBRIDGE_RUN_ID", job.Output, StringComparison.Ordinal);
        Assert.Contains("master", job.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trigger_WithoutWait_PrintsQueueItem()
    {
        var run = await CliRun.RunAsync(Args("trigger", "--job", "platform/process/build-war", "--param", "BRANCH=release/2.0", "-o", "json"));
        Assert.True(run.ExitCode == 0, run.ToString());
        var json = JsonNode.Parse(run.Output)!;
        Assert.Equal(1, json["queueItemId"]!.GetValue<long>());
        var build = Assert.Single(_standIn.ReceivedBuilds());
        Assert.Equal("release/2.0", build.Parameters["BRANCH"]);
        Assert.Equal(json["runId"]!.GetValue<string>(), build.Parameters["CIBRIDGE_RUN_ID"]);
    }

    [Fact]
    public async Task TriggerWait_FollowsToSuccess_StreamsConsole()
    {
        var run = await RunWhileTimePassesAsync(Args("trigger", "--job", "platform/process/build-war", "--wait", "--poll-interval", "0.01"));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("[INFO] BUILD SUCCESS", run.Output, StringComparison.Ordinal);
        Assert.Contains("Build #1 finished: SUCCESS", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TriggerWait_FailingBuild_ExitOne()
    {
        var run = await RunWhileTimePassesAsync(Args("trigger", "--job", "platform/flaky-tests", "--param", "SUITE=integration", "--wait", "--poll-interval", "0.01", "-o", "json"));
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("FAILURE", JsonNode.Parse(run.Output)!["result"]!.GetValue<string>());
    }

    [Fact]
    public async Task TriggerWait_BlockedBehindRunningBuild_ReportsQueueState()
    {
        Assert.Equal(0, (await CliRun.RunAsync(Args("trigger", "--job", "platform/nightly-release"))).ExitCode);
        var run = await RunWhileTimePassesAsync(Args("trigger", "--job", "platform/nightly-release", "--wait", "--poll-interval", "0.01"), TimeSpan.FromSeconds(30));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Blocked: Build #1 is already in progress (ETA: N/A)", run.Output, StringComparison.Ordinal);
        Assert.Contains("Build #2 finished: SUCCESS", run.Output, StringComparison.Ordinal);
    }

    /// <summary>Runs the CLI while moving the stand-in's clock, so builds progress without real waiting.</summary>
    private async Task<CliRun> RunWhileTimePassesAsync(string[] args, TimeSpan? step = null)
    {
        var run = CliRun.RunAsync(args);
        while (!run.IsCompleted)
        {
            _time.Advance(step ?? TimeSpan.FromSeconds(2));
            await Task.WhenAny(run, Task.Delay(5, TestContext.Current.CancellationToken));
        }
        return await run;
    }
}
