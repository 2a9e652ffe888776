using System.CommandLine;
using CiBridge.Operator.Crds;
using CiBridge.Sandbox.ApiServer;

namespace CiBridge.Sandbox.Host;

/// <summary>
/// The sandbox program: a local stand-in cluster API server with the CRDs, a Jenkins stand-in (or
/// <c>--jenkins-url</c>), the operator, and the samples applied, until Ctrl-C. <c>--api-only</c>
/// starts just the API server, for trying kubectl.
/// </summary>
internal static class SandboxCommand
{
    public static RootCommand Create()
    {
        var apiOnly = new Option<bool>("--api-only") { Description = "Start only the API server (no Jenkins stand-in, no operator)." };
        var kubeconfig = new Option<FileInfo>("--kubeconfig")
        {
            Description = "Where to write the kubeconfig for kubectl.",
            DefaultValueFactory = _ => new FileInfo(Path.Combine(".sandbox", "kubeconfig")),
        };
        var port = new Option<int>("--port") { Description = "API server port on 127.0.0.1 (0: any free port).", DefaultValueFactory = _ => 0 };
        var jenkinsPort = new Option<int>("--jenkins-port") { Description = "Jenkins stand-in port on 127.0.0.1 (0: any free port).", DefaultValueFactory = _ => 0 };
        var jenkinsUrl = new Option<Uri?>("--jenkins-url") { Description = "Point the sample endpoint at this Jenkins instead of the stand-in." };
        var jenkinsUser = new Option<string?>("--jenkins-user") { Description = "User for --jenkins-url." };
        var jenkinsTokenFile = new Option<FileInfo?>("--jenkins-token-file") { Description = "File holding the API token for --jenkins-url." };
        var command = new RootCommand("Run CiBridge locally: a stand-in API server and Jenkins, the operator, and the samples.")
        {
            apiOnly, kubeconfig, port, jenkinsPort, jenkinsUrl, jenkinsUser, jenkinsTokenFile,
        };
        command.SetAction((result, ct) => RunAsync(result.GetValue(apiOnly), new SandboxOptions
        {
            Kubeconfig = result.GetValue(kubeconfig)!,
            ApiPort = result.GetValue(port),
            JenkinsPort = result.GetValue(jenkinsPort),
            JenkinsUrl = result.GetValue(jenkinsUrl),
            JenkinsUser = result.GetValue(jenkinsUser),
            JenkinsTokenFile = result.GetValue(jenkinsTokenFile),
        }, ct));
        return command;
    }

    private static async Task<int> RunAsync(bool apiOnly, SandboxOptions options, CancellationToken ct)
    {
        await using var server = await SandboxApiServer.StartAsync(new SandboxApiServerOptions { Port = options.ApiPort }, ct);
        foreach (var (_, yaml) in CrdManifests.Render()) await server.ApplyAsync(yaml, ct);
        server.WriteKubeconfig(options.Kubeconfig.FullName);
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, options.Kubeconfig.FullName);
        Console.Out.WriteLine($"Sandbox API server listening on {server.BaseAddress}");
        Console.Out.WriteLine("CRDs installed: jenkinsendpoints.cibridge.dev, citasks.cibridge.dev");
        Console.Out.WriteLine($"Kubeconfig written to {relative}. Try:");
        Console.Out.WriteLine($"  export KUBECONFIG={relative}");
        Console.Out.WriteLine("  kubectl get cibridge");
        try
        {
            if (apiOnly)
            {
                Console.Out.WriteLine("Press Ctrl-C to stop.");
                await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, ct);
            }
            else
            {
                await SandboxSession.RunAsync(server, options, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Ctrl-C.
        }
        catch (SandboxException e)
        {
            Console.Error.WriteLine($"sandbox: {e.Message}");
            return 2;
        }
        Console.Out.WriteLine("Stopping the sandbox.");
        return 0;
    }
}
