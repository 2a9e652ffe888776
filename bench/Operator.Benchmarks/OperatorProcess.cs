using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace CiBridge.Operator.Benchmarks;

/// <summary><c>ci-bridge run</c> from the operator's build output, as its own process.</summary>
internal sealed class OperatorProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lastLines = new();
    private readonly int _healthPort;
    private readonly long _started;

    private OperatorProcess(Process process, int healthPort, long started)
    {
        _process = process;
        _healthPort = healthPort;
        _started = started;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public static OperatorProcess Start(string kubeconfig, BenchSettings settings)
    {
        var healthPort = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        string[] arguments = [Path.Combine(settings.OperatorDirectory ?? AppContext.BaseDirectory, "ci-bridge.dll"), "run", "--kubeconfig", kubeconfig,
            "--health-port", Text(healthPort), "--metrics-port", Text(FreePort()), "--log-format", "json"];
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in settings.OperatorEnvironment) start.Environment[name] = value;
        if (settings.Qps is { } qps)
        {
            start.ArgumentList.Add("--kube-api-qps");
            start.ArgumentList.Add(qps.ToString(CultureInfo.InvariantCulture));
            start.ArgumentList.Add("--kube-api-burst");
            start.ArgumentList.Add(Text((int)Math.Ceiling(qps * 1.5)));
        }
        var started = Stopwatch.GetTimestamp();
        return new OperatorProcess(Process.Start(start)!, healthPort, started);
    }

    /// <summary>Waits for /readyz to answer 200 and returns the time since the process was started.</summary>
    public async Task<TimeSpan> WaitReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var url = new Uri($"http://127.0.0.1:{Text(_healthPort)}/readyz");
        while (Stopwatch.GetElapsedTime(_started) < timeout)
        {
            if (_process.HasExited) throw new InvalidOperationException($"the operator exited with {_process.ExitCode}:\n{Output}");
            try
            {
                using var response = await http.GetAsync(url);
                if (response.StatusCode == HttpStatusCode.OK) return Stopwatch.GetElapsedTime(_started);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or (on a busy machine) not answering within the probe's 2 s.
            }
            await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System);
        }
        throw new TimeoutException($"the operator was not ready within {timeout.TotalSeconds:0} s:\n{Output}");
    }

    /// <summary>Resident memory (VmRSS) in bytes, from /proc.</summary>
    public long ResidentBytes()
    {
        var line = File.ReadLines($"/proc/{Text(_process.Id)}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>CPU time (user + system) the operator has used so far.</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    /// <summary>The operator's last output lines, for error messages.</summary>
    public string Output => string.Join('\n', _lastLines);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        _lastLines.Enqueue(line);
        while (_lastLines.Count > 40) _lastLines.TryDequeue(out _);
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
