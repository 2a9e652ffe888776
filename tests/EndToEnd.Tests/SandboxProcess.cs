using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using CiBridge.TestKit;

namespace CiBridge.EndToEnd.Tests;

/// <summary>
/// The sandbox program (ci-bridge-sandbox.dll) run as a user runs it, in a temporary folder of its
/// own, with its output collected line by line (stderr lines start with "stderr: ").
/// </summary>
internal sealed class SandboxProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private SandboxProcess(Process process, string directory)
    {
        _process = process;
        Directory = directory;
    }

    public string Directory { get; }

    public string Kubeconfig => Path.Combine(Directory, "kubeconfig");

    public IReadOnlyCollection<string> Output => _output;

    public IReadOnlyDictionary<string, string> KubectlEnvironment => new Dictionary<string, string> { ["KUBECONFIG"] = Kubeconfig };

    public static SandboxProcess Start(params string[] arguments)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("cibridge-sandbox-").FullName;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        var all = new[] { Path.Combine(AppContext.BaseDirectory, "ci-bridge-sandbox.dll"), "--kubeconfig", Path.Combine(directory, "kubeconfig") };
        foreach (var argument in all.Concat(arguments)) start.ArgumentList.Add(argument);
        var sandbox = new SandboxProcess(Process.Start(start)!, directory);
        sandbox._process.OutputDataReceived += (_, e) => { if (e.Data is not null) sandbox._output.Enqueue(e.Data); };
        sandbox._process.ErrorDataReceived += (_, e) => { if (e.Data is not null) sandbox._output.Enqueue("stderr: " + e.Data); };
        sandbox._process.BeginOutputReadLine();
        sandbox._process.BeginErrorReadLine();
        return sandbox;
    }

    /// <summary>Waits for a line matching <paramref name="pattern"/> (a regular expression) and returns it.</summary>
    public async Task<string> WaitForLineAsync(string pattern, string what, TimeSpan? timeout = null)
    {
        var regex = new System.Text.RegularExpressions.Regex(pattern);
        await Eventually.HoldsAsync(() => _output.Any(regex.IsMatch), what + "; output so far:\n" + string.Join('\n', _output),
            timeout ?? TimeSpan.FromSeconds(90), Scenario.Ct);
        return _output.First(regex.IsMatch);
    }

    /// <summary>Sends a signal (TERM, INT) the way a supervisor or a terminal does, and waits for the exit code.</summary>
    public async Task<int> SignalAndWaitAsync(string signal)
    {
        await ExternalTool.RunAsync("kill", ["-" + signal, _process.Id.ToString(CultureInfo.InvariantCulture)], ct: Scenario.Ct);
        return await WaitForExitAsync();
    }

    public async Task<int> WaitForExitAsync()
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(Scenario.Ct);
        limit.CancelAfter(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(limit.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync(CancellationToken.None);
        _process.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
