using System.CommandLine;
using CiBridge.Operator.Crds;
using CiBridge.Sandbox.ApiServer;

namespace CiBridge.Operator.Cli;

/// <summary>
/// <c>sandbox [--api-only] [--kubeconfig PATH] [--port N]</c>: starts the in-memory API server,
/// installs the CRDs, writes a kubeconfig and runs until Ctrl-C.
/// </summary>
internal static class SandboxCommand
{
    public static Command Create()
    {
        var apiOnly = new Option<bool>("--api-only") { Description = "Start only the API server (no Jenkins stand-in, no operator)." };
        var kubeconfig = new Option<FileInfo>("--kubeconfig")
        {
            Description = "Where to write the kubeconfig for kubectl.",
            DefaultValueFactory = _ => new FileInfo(Path.Combine(".sandbox", "kubeconfig")),
        };
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 (0: any free port).", DefaultValueFactory = _ => 0 };
        var command = new Command("sandbox", "Run a local stand-in cluster (API server; later also Jenkins and the operator).") { apiOnly, kubeconfig, port };
        command.SetAction((result, ct) => RunAsync(result.GetValue(apiOnly), result.GetValue(kubeconfig)!, result.GetValue(port), ct));
        return command;
    }

    private static async Task<int> RunAsync(bool apiOnly, FileInfo kubeconfig, int port, CancellationToken ct)
    {
        await using var server = await SandboxApiServer.StartAsync(new SandboxApiServerOptions { Port = port }, ct);
        foreach (var (_, yaml) in CrdManifests.Render()) await server.ApplyAsync(yaml, ct);
        server.WriteKubeconfig(kubeconfig.FullName);
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, kubeconfig.FullName);
        Console.Out.WriteLine($"Sandbox API server listening on {server.BaseAddress}");
        Console.Out.WriteLine($"CRDs installed: jenkinsendpoints.cibridge.dev, citasks.cibridge.dev");
        Console.Out.WriteLine($"Kubeconfig written to {relative}. Try:");
        Console.Out.WriteLine($"  export KUBECONFIG={relative}");
        Console.Out.WriteLine("  kubectl get crds");
        Console.Out.WriteLine("  kubectl get cibridge");
        if (!apiOnly) Console.Out.WriteLine("The Jenkins stand-in and the operator are not wired into the sandbox yet; only the API server runs.");
        Console.Out.WriteLine("Press Ctrl-C to stop.");
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, ct);
        }
        catch (OperationCanceledException)
        {
            Console.Out.WriteLine("Stopping the sandbox.");
        }
        return 0;
    }
}
