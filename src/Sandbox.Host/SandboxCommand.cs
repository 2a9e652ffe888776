using System.CommandLine;
using CiBridge.Operator.Crds;
using CiBridge.Sandbox.ApiServer;

namespace CiBridge.Sandbox.Host;

/// <summary>
/// The sandbox program: a local stand-in cluster API server with the CRDs, a Jenkins stand-in (or
/// <c>--jenkins-url</c>), the operator with its admission webhook, and the samples applied, until
/// Ctrl-C or SIGTERM. <c>--api-only</c> starts just the API server, for trying kubectl.
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
        // A string, parsed by us: System.CommandLine's Uri conversion rejects every URL with a stack trace.
        var jenkinsUrl = new Option<string?>("--jenkins-url") { Description = "Use this Jenkins (http(s) URL) instead of starting the stand-in." };
        var jenkinsUser = new Option<string?>("--jenkins-user") { Description = "User for --jenkins-url." };
        var jenkinsTokenFile = new Option<FileInfo?>("--jenkins-token-file") { Description = "File holding the API token for --jenkins-url." };
        var command = new RootCommand("Run CiBridge locally: a stand-in API server and Jenkins, the operator, and the samples.")
        {
            apiOnly, kubeconfig, port, jenkinsPort, jenkinsUrl, jenkinsUser, jenkinsTokenFile,
        };
        command.SetAction(async (result, ct) =>
        {
            SandboxOptions options;
            try
            {
                options = new SandboxOptions
                {
                    Kubeconfig = result.GetValue(kubeconfig)!,
                    ApiPort = result.GetValue(port),
                    JenkinsPort = result.GetValue(jenkinsPort),
                    JenkinsUrl = SandboxOptions.ParseJenkinsUrl(result.GetValue(jenkinsUrl)),
                    JenkinsUser = result.GetValue(jenkinsUser),
                    JenkinsTokenFile = result.GetValue(jenkinsTokenFile),
                };
                options.Validate();
            }
            catch (SandboxException e)
            {
                return Fail(e);
            }
            return await RunAsync(result.GetValue(apiOnly), options, ct);
        });
        return command;
    }

    private static async Task<int> RunAsync(bool apiOnly, SandboxOptions options, CancellationToken ct)
    {
        // First, before any heavy work, so a first run never looks hung.
        Console.Out.WriteLine("Starting the CiBridge sandbox (API server, " + (apiOnly ? "no operator" : "Jenkins, operator") + ") …");
        using var signals = new SandboxSignals(ct);
        try
        {
            await using var server = await StartApiServerAsync(options, signals.Token);
            if (apiOnly)
            {
                Console.Out.WriteLine("Press Ctrl-C to stop.");
                await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, signals.Token);
            }
            else
            {
                await SandboxSession.RunAsync(server, options, signals.Token);
            }
        }
        catch (OperationCanceledException) when (signals.Token.IsCancellationRequested)
        {
            // Ctrl-C or SIGTERM: the normal way to leave; SandboxSignals printed the stop line.
        }
        catch (SandboxException e)
        {
            return Fail(e);
        }
        return 0;
    }

    private static async Task<SandboxApiServer> StartApiServerAsync(SandboxOptions options, CancellationToken ct)
    {
        var server = await SandboxApiServer.StartAsync(new SandboxApiServerOptions { Port = options.ApiPort }, ct);
        foreach (var (_, yaml) in CrdManifests.Render()) await server.ApplyAsync(yaml, ct);
        server.WriteKubeconfig(options.Kubeconfig.FullName);
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, options.Kubeconfig.FullName);
        Console.Out.WriteLine($"Sandbox API server listening on {server.BaseAddress}");
        Console.Out.WriteLine("CRDs installed: jenkinsendpoints.cibridge.dev, citasks.cibridge.dev");
        Console.Out.WriteLine($"Kubeconfig written to {relative}. Try:");
        Console.Out.WriteLine($"  export KUBECONFIG={relative}");
        Console.Out.WriteLine("  kubectl get cibridge");
        return server;
    }

    private static int Fail(SandboxException e)
    {
        Console.Error.WriteLine($"sandbox: {e.Message}");
        return 2;
    }
}
