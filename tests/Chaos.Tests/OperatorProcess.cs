using System.Collections.Concurrent;
using System.Diagnostics;

namespace CiBridge.Chaos.Tests;

/// <summary>
/// The operator binary (<c>ci-bridge run</c>) as its own process, as a pod runs it; its output
/// lines go to a log shared by every process of the suite, so secrets can be checked across restarts.
/// </summary>
internal sealed class OperatorProcess : IDisposable
{
    private readonly Process _process;

    private OperatorProcess(Process process) => _process = process;

    /// <summary>The lines this process printed (they go to the shared log as well).</summary>
    public ConcurrentQueue<string> Lines { get; } = new();

    public static OperatorProcess Start(string kubeconfig, ConcurrentQueue<string> log, params string[] extra)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        string[] arguments =
        [
            Path.Combine(AppContext.BaseDirectory, "ci-bridge.dll"), "run", "--kubeconfig", kubeconfig,
            "--health-port", "0", "--metrics-port", "0", "--log-format", "text", "--kube-api-qps", "500", "--kube-api-burst", "1000",
            .. extra,
        ];
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        var process = new OperatorProcess(Process.Start(start)!);
        void Keep(string line)
        {
            log.Enqueue(line);
            process.Lines.Enqueue(line);
        }
        process._process.OutputDataReceived += (_, e) => { if (e.Data is not null) Keep(e.Data); };
        process._process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Keep("stderr: " + e.Data); };
        process._process.BeginOutputReadLine();
        process._process.BeginErrorReadLine();
        return process;
    }

    public bool HasExited => _process.HasExited;

    /// <summary>SIGKILL: nothing is drained, flushed or handed over.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync(CancellationToken.None);
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
    }
}
