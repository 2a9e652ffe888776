using System.Diagnostics;
using CiBridge.TestKit;

namespace CiBridge.Sandbox.Tests.ApiServer.Support;

/// <summary>Runs the real kubectl against a kubeconfig, with a private discovery cache and a timeout.</summary>
internal sealed class Kubectl(string kubeconfig, string cacheDir, string? @namespace)
{
    public static readonly string Binary = ExternalTool.Locate("kubectl");

    public async Task<KubectlResult> RunAsync(string[] args, string? stdin = null, TimeSpan? timeout = null)
    {
        string[] all = @namespace is null ? args : ["--namespace", @namespace, .. args];
        var environment = new Dictionary<string, string> { ["KUBECONFIG"] = kubeconfig, ["KUBECACHEDIR"] = cacheDir };
        var run = await ExternalTool.RunAsync(Binary, all, environment, stdin, timeout ?? TimeSpan.FromSeconds(30));
        return new KubectlResult(run.ExitCode, run.StandardOutput, run.StandardError);
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
