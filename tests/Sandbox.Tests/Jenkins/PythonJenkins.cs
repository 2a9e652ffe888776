using System.Diagnostics;
using System.Text.Json.Nodes;

using CiBridge.TestKit;

namespace CiBridge.Sandbox.Tests.Jenkins;

/// <summary>Runs a snippet against Debian's python3-jenkins (a real client) and returns what it printed as JSON.</summary>
internal static class PythonJenkins
{
    private const string Python = "/usr/bin/python3";

    private static readonly Lazy<bool> s_available = new(() =>
    {
        if (!File.Exists(Python)) return false;
        using var probe = Process.Start(new ProcessStartInfo(Python, ["-c", "import jenkins"]) { RedirectStandardError = true })!;
        probe.WaitForExit(TimeSpan.FromSeconds(20));
        return probe.HasExited && probe.ExitCode == 0;
    });

    /// <summary>Whether Debian's python3-jenkins is importable (<c>apt-get install -y python3-jenkins</c>).</summary>
    public static bool Available => s_available.Value;

    /// <summary>Runs <paramref name="body"/> with <c>server</c> bound to a logged-in <c>jenkins.Jenkins</c>;
    /// the snippet sets <c>result</c>, which is printed as JSON.</summary>
    public static async Task<JsonNode?> RunAsync(Uri baseUrl, string user, string secret, string body, CancellationToken ct)
    {
        var script = string.Join('\n',
            "import json, sys, jenkins",
            $"server = jenkins.Jenkins({Quote(baseUrl.ToString())}, username={Quote(user)}, password={Quote(secret)}, timeout=10)",
            "result = None",
            body,
            "print(json.dumps(result))");
        var run = await ExternalTool.RunAsync(Python, ["-"], new Dictionary<string, string> { ["PYTHONPATH"] = "" }, script, TimeSpan.FromSeconds(30), ct);
        if (run.ExitCode != 0) throw new InvalidOperationException($"python3-jenkins failed ({run.ExitCode}):\n{run.StandardError}\nscript:\n{script}");
        return JsonNode.Parse(run.StandardOutput);
    }

    private static string Quote(string text) => "'" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
}
