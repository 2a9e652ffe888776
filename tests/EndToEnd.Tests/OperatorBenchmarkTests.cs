using CiBridge.TestKit;

namespace CiBridge.EndToEnd.Tests;

/// <summary>
/// The operator benchmark harness (bench/Operator.Benchmarks) keeps working: its short mode runs end
/// to end and prints its table. The figures themselves are not asserted; they belong in docs/performance.md.
/// </summary>
public sealed class OperatorBenchmarkTests
{
    private const string Section = "<!-- operator-benchmark:start -->\nold figures\n<!-- operator-benchmark:end -->\n";

    private static string Harness => Path.Combine(AppContext.BaseDirectory, "CiBridge.Operator.Benchmarks.dll");

    [Fact]
    public async Task ShortMode_RunsEndToEnd_PrintsEveryRow_AndWritesTheTableIntoTheMarkedSection()
    {
        var doc = Path.Combine(Directory.CreateTempSubdirectory("cibridge-bench-doc-").FullName, "performance.md");
        await File.WriteAllTextAsync(doc, "# Performance\n" + Section + "## After\n", Scenario.Ct);
        try
        {
            var run = await ExternalTool.RunAsync("dotnet", [Harness, "--short", "--write-doc", doc], timeout: TimeSpan.FromMinutes(5), ct: Scenario.Ct);

            Assert.True(run.ExitCode == 0, run.ToString());
            string[] rows = ["| reaction: create returns", "| floor: 2 API writes", "| reaction p99 / floor p50 |", "| burst of 10 CiTasks", "| API requests per run",
                "| Jenkins requests per build", "| idle: writes / Jenkins calls", "| resident memory of the operator |", "| process start → /readyz |"];
            foreach (var row in rows) Assert.Contains(row, run.StandardOutput, StringComparison.Ordinal);
            // The preload path (50 CiTasks, 5 endpoints in --short): synced at start, every endpoint verified, counts named.
            Assert.Contains("with 60 objects to sync (50 CiTasks, 5 endpoints and their Secrets)", run.StandardOutput, StringComparison.Ordinal);
            Assert.Contains("From start until the 5 preloaded endpoints were verified", run.StandardOutput, StringComparison.Ordinal);
            // The warm-up (5 runs in --short) ran to its end before the measurement and is not counted among its runs.
            Assert.Contains("warm-up of 5 runs finished", run.StandardOutput, StringComparison.Ordinal);
            Assert.Contains("| API requests per run (operator, 19 runs) |", run.StandardOutput, StringComparison.Ordinal);
            var written = await File.ReadAllTextAsync(doc, Scenario.Ct);
            Assert.DoesNotContain("old figures", written, StringComparison.Ordinal);
            Assert.Contains("| reaction p99 / floor p50 |", written, StringComparison.Ordinal);
            Assert.StartsWith("# Performance\n<!-- operator-benchmark:start -->", written, StringComparison.Ordinal);
            Assert.EndsWith("<!-- operator-benchmark:end -->\n## After\n", written, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(doc)!, recursive: true);
        }
    }

    [Fact]
    public async Task AMistypedFlag_IsNamed_WithTheUsage_AndNothingStarts()
    {
        var run = await ExternalTool.RunAsync("dotnet", [Harness, "--sampels", "3"], ct: Scenario.Ct);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown flag '--sampels'", run.StandardError, StringComparison.Ordinal);
        Assert.Contains("usage:", run.StandardError, StringComparison.Ordinal);
        Assert.Empty(run.StandardOutput);
    }

    [Fact]
    public async Task AnOperatorVariableWithoutAValue_IsNamed_AndNothingStarts()
    {
        var run = await ExternalTool.RunAsync("dotnet", [Harness, "--operator-env", "DOTNET_TieredPGO"], ct: Scenario.Ct);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--operator-env must be NAME=VALUE, not 'DOTNET_TieredPGO'", run.StandardError, StringComparison.Ordinal);
        Assert.Empty(run.StandardOutput);
    }
}
