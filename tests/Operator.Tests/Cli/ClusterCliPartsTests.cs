using System.CommandLine;
using CiBridge.Kubernetes.Client;
using CiBridge.Operator.Cli;
using CiBridge.Operator.Cli.Cluster;

namespace CiBridge.Operator.Tests.Cli;

/// <summary>The pieces of the cluster verbs that need no cluster: object arguments, streamed redaction, error lines.</summary>
public sealed class ClusterCliPartsTests
{
    [Theory]
    [InlineData("ct/build", nameof(CliKind.CiTask), "build")]
    [InlineData("citask/build", nameof(CliKind.CiTask), "build")]
    [InlineData("CiTasks/build", nameof(CliKind.CiTask), "build")]
    [InlineData("je/jenkins", nameof(CliKind.JenkinsEndpoint), "jenkins")]
    [InlineData("jenkinsendpoint/jenkins", nameof(CliKind.JenkinsEndpoint), "jenkins")]
    public void ObjectArgument_KubectlForms_GiveTheName(string text, string kind, string name) =>
        Assert.Equal(name, ObjectArgument.Name(text, Enum.Parse<CliKind>(kind)));

    [Theory]
    [InlineData("build", "expected ct/NAME or citask/NAME, got 'build'")]
    [InlineData("ct/", "expected ct/NAME or citask/NAME, got 'ct/'")]
    [InlineData("ct/a/b", "expected ct/NAME or citask/NAME, got 'ct/a/b'")]
    [InlineData("pod/build", "unknown kind 'pod' in 'pod/build': expected ct/NAME or citask/NAME")]
    [InlineData("je/build", "'je/build' is a JenkinsEndpoint; this command takes ct/NAME or citask/NAME")]
    public void ObjectArgument_WrongForm_NamesWhatIsExpected(string text, string message) =>
        Assert.Equal(message, Assert.Throws<CliUsageException>(() => ObjectArgument.Name(text, CliKind.CiTask)).Message);

    public static TheoryData<string, string[]> Splits => new()
    {
        { "whole in one piece", ["key s3cret-value here\n"] },
        { "split inside the value", ["key s3cr", "et-value here\n"] },
        { "split one character at a time", [.. "key s3cret-value here\n".Select(c => c.ToString())] },
        { "value at the very end", ["key s3cret-", "value"] },
    };

    [Theory]
    [MemberData(nameof(Splits))]
    public void StreamRedactor_HidesAValue_HoweverTheTextIsSplit(string name, string[] pieces)
    {
        var redactor = new StreamRedactor(new HashSet<string> { "s3cret-value", "other" });

        var printed = string.Concat(pieces.Select(redactor.Push)) + redactor.Flush();

        var expected = string.Concat(pieces).Replace("s3cret-value", "***", StringComparison.Ordinal);
        Assert.True(expected == printed, $"{name}: printed \"{printed}\"");
    }

    [Fact]
    public void StreamRedactor_PrintsTextThatCannotBeASecretAtOnce()
    {
        var redactor = new StreamRedactor(new HashSet<string> { "abcd" });

        Assert.Equal("line one\n", redactor.Push("line one\nxyz")[..9]);
        Assert.Equal("xyz", redactor.Flush()[^3..]);
    }

    [Fact]
    public async Task Runner_ForbiddenByRbac_IsOneLineNamingTheObject_ExitCode2()
    {
        var status = new Kubernetes.Models.Status { Reason = "Forbidden", Message = "secrets \"jenkins-credentials\" is forbidden: User \"dev\" cannot get resource \"secrets\" in the namespace \"team-a\"" };

        var (exit, error) = await RunAsync(new ApiException(403, status));

        Assert.Equal(ClusterCliRunner.UsageError, exit);
        Assert.Equal($"error: your kubeconfig's credentials do not allow this: {status.Message}\n", error);
    }

    [Fact]
    public async Task Runner_Timeout_IsExitCode3_SayingWhatDidNotHappen()
    {
        var (exit, error) = await RunAsync(new CliTimeoutException("waited 60s for the operator to answer the verify request"));

        Assert.Equal(ClusterCliRunner.TimedOut, exit);
        Assert.Equal("error: timed out: waited 60s for the operator to answer the verify request\n", error);
    }

    [Theory]
    [InlineData("60s", 60.0)]
    [InlineData("1m30s", 90.0)]
    [InlineData("0", null)]
    [InlineData(null, null)]
    public void Timeout_GoDurations_ZeroOrNoneMeansNoLimit(string? text, double? seconds) =>
        Assert.Equal(seconds, ClusterPolling.Timeout(text, "--timeout")?.TotalSeconds);

    [Fact]
    public void Timeout_NotADuration_NamesTheOption() =>
        Assert.Equal("--timeout must be a duration such as 60s or 5m, not '60'",
            Assert.Throws<CliUsageException>(() => ClusterPolling.Timeout("60", "--timeout")).Message);

    private static async Task<(int Exit, string Error)> RunAsync(Exception thrown)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var parse = new RootCommand().Parse([]);
        parse.InvocationConfiguration.Output = output;
        parse.InvocationConfiguration.Error = error;
        var exit = await ClusterCliRunner.RunAsync(parse, (_, _) => throw thrown, TestContext.Current.CancellationToken);
        return (exit, error.ToString());
    }
}
