using System.Diagnostics;

namespace CiBridge.TestKit;

/// <summary>What a finished external command printed and returned.</summary>
public sealed record ToolResult(int ExitCode, string StandardOutput, string StandardError)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{StandardOutput}\nstderr:\n{StandardError}";
}

/// <summary>
/// Runs a real tool (kubectl, helm, python3) the way a user would, with a time limit. Tools come
/// from PATH or from .tools/bin, where scripts/install-tools puts them.
/// </summary>
public static class ExternalTool
{
    public static async Task<ToolResult> RunAsync(
        string tool,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null,
        string? standardInput = null,
        TimeSpan? timeout = null,
        CancellationToken ct = default)
    {
        var start = new ProcessStartInfo(Locate(tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = standardInput is not null,
            WorkingDirectory = RepositoryPaths.Root,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {tool}");
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout ?? TimeSpan.FromSeconds(60));
        var stdout = process.StandardOutput.ReadToEndAsync(limit.Token);
        var stderr = process.StandardError.ReadToEndAsync(limit.Token);
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput.AsMemory(), limit.Token);
            process.StandardInput.Close();
        }
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} {string.Join(' ', start.ArgumentList)} did not finish in time");
        }
        return new ToolResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The path of a tool, or a failure that says how to install it.</summary>
    public static string Locate(string tool)
    {
        if (tool.Contains('/', StringComparison.Ordinal)) return tool;
        var directories = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Append(RepositoryPaths.Combine(".tools", "bin"));
        return directories.Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"{tool} is not installed: run scripts/install-tools");
    }
}
