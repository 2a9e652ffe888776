using System.Xml.Linq;
using CiBridge.TestKit;

namespace CiBridge.Operator.Tests.Scripts;

/// <summary>
/// scripts/trx-totals.py, the summary scripts/test prints: skips grouped by reason, a missing
/// installed tool failing in CI, and a test project that ran nothing failing the run.
/// </summary>
public sealed class TrxTotalsTests : IDisposable
{
    private static readonly XNamespace s_trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
    private readonly DirectoryInfo _results = Directory.CreateTempSubdirectory("cibridge-trx-");

    [Fact]
    public async Task Skips_AreListedByReason_BeforeTheTotalsLine()
    {
        WriteEveryProject(("a", "Passed", null), ("b", "NotExecuted", "no Docker engine"), ("c", "NotExecuted", "no Docker engine"), ("d", "NotExecuted", "CIBRIDGE_TEST_KUBECONFIG is not set"));

        var run = await RunAsync(ci: false);

        Assert.Equal(0, run.ExitCode);
        var lines = Lines(run);
        Assert.Equal($"{Projects.Length} passed, 0 failed, {3 * Projects.Length} skipped", lines[^1]);
        var noDocker = Assert.Single(lines, l => l.EndsWith("no Docker engine", StringComparison.Ordinal));
        Assert.Equal($"{2 * Projects.Length}", noDocker.Trim().Split("  ")[0]);
        Assert.True(lines.IndexOf(noDocker) < lines.FindIndex(l => l.EndsWith("CIBRIDGE_TEST_KUBECONFIG is not set", StringComparison.Ordinal)), run.StandardOutput);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SkipForAMissingInstalledTool_IsAFailureOnlyInCi(bool ci)
    {
        WriteEveryProject(("a", "Passed", null), ("b", "NotExecuted", "python3-jenkins not installed"));

        var run = await RunAsync(ci);

        var n = Projects.Length;
        Assert.Equal(ci ? 1 : 0, run.ExitCode);
        Assert.Equal(ci ? $"{n} passed, {n} failed, 0 skipped" : $"{n} passed, 0 failed, {n} skipped", Lines(run)[^1]);
    }

    [Fact]
    public async Task AProjectThatRanNoTests_FailsTheRun_UnlessAFilterAllowsIt()
    {
        WriteEveryProject(("a", "Passed", null));
        WriteTrx("CiBridge.Entities.Tests"); // replaces its results with an empty run

        var run = await RunAsync(ci: false);
        var filtered = await RunAsync(ci: false, "--allow-empty-projects");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("test project CiBridge.Entities.Tests ran no tests", run.StandardOutput, StringComparison.Ordinal);
        Assert.Equal($"{Projects.Length - 1} passed, 0 failed, 0 skipped", Lines(run)[^1]);
        Assert.Equal(0, filtered.ExitCode);
    }

    /// <summary>The test projects the script expects results from (tests/*/*.Tests.csproj).</summary>
    private static string[] Projects { get; } = [.. Directory.GetDirectories(RepositoryPaths.Combine("tests"))
        .SelectMany(d => Directory.GetFiles(d, "*.Tests.csproj")).Select(Path.GetFileNameWithoutExtension).OfType<string>()];

    private void WriteEveryProject(params (string Name, string Outcome, string? Reason)[] results)
    {
        foreach (var project in Projects) WriteTrx(project, results);
    }

    private void WriteTrx(string project, params (string Name, string Outcome, string? Reason)[] results)
    {
        var unitResults = results.Select(r => new XElement(s_trx + "UnitTestResult",
            new XAttribute("testName", $"{project}.{r.Name}"),
            new XAttribute("outcome", r.Outcome),
            r.Reason is null ? null : new XElement(s_trx + "Output", new XElement(s_trx + "ErrorInfo", new XElement(s_trx + "Message", r.Reason)))));
        var directory = Directory.CreateDirectory(Path.Combine(_results.FullName, project));
        new XDocument(new XElement(s_trx + "TestRun", new XElement(s_trx + "Results", unitResults))).Save(Path.Combine(directory.FullName, "run.trx"));
    }

    private Task<ToolResult> RunAsync(bool ci, params string[] options) => ExternalTool.RunAsync(
        "python3",
        [RepositoryPaths.Combine("scripts", "trx-totals.py"), .. options, _results.FullName],
        new Dictionary<string, string> { ["CI"] = ci ? "true" : "" },
        ct: TestContext.Current.CancellationToken);

    private static List<string> Lines(ToolResult run) => [.. run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)];

    public void Dispose() => _results.Delete(recursive: true);
}
