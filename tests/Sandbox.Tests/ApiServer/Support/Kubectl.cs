using System.Diagnostics;

namespace CiBridge.Sandbox.Tests.ApiServer.Support;

/// <summary>Runs the real kubectl against a kubeconfig, with a private discovery cache and a timeout.</summary>
internal sealed class Kubectl(string kubeconfig, string cacheDir, string? @namespace)
{
    public const string Binary = "/usr/bin/kubectl";

    public async Task<KubectlResult> RunAsync(string[] args, string? stdin = null, TimeSpan? timeout = null)
    {
        using var process = Start(args, stdin is not null);
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
        }
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"kubectl {string.Join(' ', args)} did not finish; stderr so far: {await stderr}");
        }
        return new KubectlResult(process.ExitCode, await stdout, await stderr);
    }

    public Task<KubectlResult> RunAsync(params string[] args) => RunAsync(args, null);

    /// <summary>Starts kubectl and leaves it running (for <c>get -w</c>); the caller kills it.</summary>
    public Process Start(string[] args, bool redirectInput = false)
    {
        var info = new ProcessStartInfo(Binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            UseShellExecute = false,
        };
        info.Environment["KUBECONFIG"] = kubeconfig;
        info.Environment["KUBECACHEDIR"] = cacheDir;
        if (@namespace is not null)
        {
            info.ArgumentList.Add("--namespace");
            info.ArgumentList.Add(@namespace);
        }
        foreach (var arg in args) info.ArgumentList.Add(arg);
        return Process.Start(info) ?? throw new InvalidOperationException("kubectl did not start");
    }
}
