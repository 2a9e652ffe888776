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
    private static readonly Option<bool> s_apiOnly = new("--api-only") { Description = "Start only the API server (no Jenkins stand-in, no operator)." };
    private static readonly Option<FileInfo> s_kubeconfig = new("--kubeconfig")
    {
        Description = "Where to write the kubeconfig for kubectl.",
        DefaultValueFactory = _ => new FileInfo(Path.Combine(".sandbox", "kubeconfig")),
    };
    private static readonly Option<int> s_port = new("--port") { Description = "API server port on 127.0.0.1 (0: any free port).", DefaultValueFactory = _ => 0 };
    private static readonly Option<int> s_jenkinsPort = new("--jenkins-port") { Description = "Jenkins stand-in port on 127.0.0.1 (0: any free port).", DefaultValueFactory = _ => 0 };
    // A string, parsed by us: System.CommandLine's Uri conversion rejects every URL with a stack trace.
    private static readonly Option<string?> s_jenkinsUrl = new("--jenkins-url") { Description = "Use this Jenkins (http(s) URL) instead of starting the stand-in." };
    private static readonly Option<string?> s_jenkinsUser = new("--jenkins-user") { Description = "User for --jenkins-url." };
    private static readonly Option<FileInfo?> s_jenkinsTokenFile = new("--jenkins-token-file") { Description = "File holding the API token for --jenkins-url." };

    public static RootCommand Create()
    {
        var command = new RootCommand("Run CiBridge locally: a stand-in API server and Jenkins, the operator, and the samples.")
        {
            s_apiOnly, s_kubeconfig, s_port, s_jenkinsPort, s_jenkinsUrl, s_jenkinsUser, s_jenkinsTokenFile,
        };
        command.SetAction(async (result, ct) =>
        {
            SandboxOptions options;
            try
            {
                options = Read(result);
            }
            catch (SandboxException e)
            {
                return Fail(e.Message);
            }
            return await RunAsync(result.GetValue(s_apiOnly), options, ct);
        });
        return command;
    }

    private static SandboxOptions Read(ParseResult result)
    {
        var options = new SandboxOptions
        {
            Kubeconfig = result.GetValue(s_kubeconfig)!,
            ApiPort = result.GetValue(s_port),
            JenkinsPort = result.GetValue(s_jenkinsPort),
            JenkinsUrl = SandboxOptions.ParseJenkinsUrl(result.GetValue(s_jenkinsUrl)),
            JenkinsUser = result.GetValue(s_jenkinsUser),
            JenkinsTokenFile = result.GetValue(s_jenkinsTokenFile),
        };
        options.Validate();
        return options;
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
            return Fail(e.Message);
        }
        catch (IOException e)
        {
            // A port already taken, a kubeconfig folder that cannot be written: say it, no stack trace.
            return Fail(e.Message);
        }
        return 0;
    }

    private static async Task<SandboxApiServer> StartApiServerAsync(SandboxOptions options, CancellationToken ct)
    {
        var server = await SandboxApiServer.StartAsync(new SandboxApiServerOptions { Port = options.ApiPort }, ct);
        foreach (var (_, yaml) in CrdManifests.Render()) await server.ApplyAsync(yaml, ct);
        foreach (var yaml in Sandbox.GitOps.GitOpsCrds.Render()) await server.ApplyAsync(yaml, ct);
        server.WriteKubeconfig(options.Kubeconfig.FullName);
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, options.Kubeconfig.FullName);
        Console.Out.WriteLine($"Sandbox API server listening on {server.BaseAddress}");
        Console.Out.WriteLine($"CRDs installed: jenkinsendpoints.cibridge.dev, citasks.cibridge.dev, {Sandbox.GitOps.GitOpsCrds.GitRepositories}, {Sandbox.GitOps.GitOpsCrds.Applications}");
        Console.Out.WriteLine($"Kubeconfig written to {relative}. Try:");
        Console.Out.WriteLine($"  export KUBECONFIG={relative}");
        Console.Out.WriteLine("  kubectl get cibridge");
        return server;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"sandbox: {message}");
        return 2;
    }
}
