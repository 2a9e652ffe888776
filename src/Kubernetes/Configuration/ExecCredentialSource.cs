using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace CiBridge.Kubernetes.Configuration;

/// <summary>What a kubeconfig <c>user.exec</c> says to run.</summary>
internal sealed record ExecPlugin(
    string File,
    string Field,
    string Command,
    IReadOnlyList<string> Args,
    IReadOnlyDictionary<string, string> Env,
    string ApiVersion);

/// <summary>
/// Runs a client.authentication.k8s.io exec credential plugin (the way EKS, GKE and AKS hand out
/// tokens) and caches its token until <c>status.expirationTimestamp</c>, or until the server
/// answers 401 when the plugin gives no expiry. The token never appears in messages.
/// </summary>
internal sealed class ExecCredentialSource(ExecPlugin plugin, TimeProvider time) : ICredentialSource, IDisposable
{
    private static readonly TimeSpan s_expirySkew = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan s_pluginTimeout = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private DateTimeOffset? _expiresAt;

    /// <summary>How many times the plugin has run (for tests and diagnostics).</summary>
    public int Runs { get; private set; }

    public async ValueTask<string?> GetTokenAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (_token is not null && (_expiresAt is null || time.GetUtcNow() < _expiresAt - s_expirySkew)) return _token;
            (_token, _expiresAt) = await RunAsync(ct);
            return _token;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Invalidate() => _token = null;

    public void Dispose() => _gate.Dispose();

    private async Task<(string Token, DateTimeOffset? ExpiresAt)> RunAsync(CancellationToken ct)
    {
        Runs++;
        using var process = new Process { StartInfo = StartInfo() };
        try
        {
            process.Start();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw Error("command", $"'{plugin.Command}' cannot be started: {e.Message}", e);
        }
        using var timeout = new CancellationTokenSource(s_pluginTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        var stdout = process.StandardOutput.ReadToEndAsync(linked.Token);
        var stderr = process.StandardError.ReadToEndAsync(linked.Token);
        try
        {
            await process.WaitForExitAsync(linked.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        if (process.ExitCode != 0)
        {
            var detail = (await stderr).Trim();
            if (detail.Length > 300) detail = detail[..300];
            throw Error("command", $"'{plugin.Command}' exited with code {process.ExitCode}: {detail}");
        }
        return Parse(await stdout);
    }

    private ProcessStartInfo StartInfo()
    {
        var info = new ProcessStartInfo(plugin.Command)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in plugin.Args) info.ArgumentList.Add(arg);
        foreach (var (name, value) in plugin.Env) info.Environment[name] = value;
        info.Environment["KUBERNETES_EXEC_INFO"] =
            "{\"apiVersion\":\"" + plugin.ApiVersion + "\",\"kind\":\"ExecCredential\",\"spec\":{\"interactive\":false}}";
        return info;
    }

    private (string, DateTimeOffset?) Parse(string output)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(output);
        }
        catch (System.Text.Json.JsonException)
        {
            throw Error("command", "the plugin's output is not JSON");
        }
        if (root?["kind"]?.GetValue<string>() != "ExecCredential") throw Error("command", "the plugin's output is not an ExecCredential");
        var apiVersion = root["apiVersion"]?.GetValue<string>();
        if (apiVersion != plugin.ApiVersion)
        {
            throw Error("apiVersion", $"the plugin answered with {apiVersion ?? "no apiVersion"}, expected {plugin.ApiVersion}");
        }
        var status = root["status"];
        var token = status?["token"]?.GetValue<string>();
        if (string.IsNullOrEmpty(token))
        {
            var why = status?["clientCertificateData"] is not null
                ? "client certificates from exec plugins are not supported"
                : "status.token is missing";
            throw Error("command", why);
        }
        var expiry = status?["expirationTimestamp"]?.GetValue<string>();
        return (token, expiry is null ? null : DateTimeOffset.Parse(expiry, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));
    }

    private KubeConfigException Error(string field, string problem, Exception? inner = null) =>
        new(plugin.File, $"{plugin.Field}.{field}", problem, inner);

    public override string ToString() => $"ExecCredentialSource({plugin.Command})";
}
