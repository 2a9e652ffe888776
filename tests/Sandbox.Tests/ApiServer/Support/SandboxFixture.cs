using CiBridge.Sandbox.ApiServer;

namespace CiBridge.Sandbox.Tests.ApiServer.Support;

/// <summary>One sandbox API server for the whole test run, with our CRDs installed and a kubeconfig written.</summary>
internal sealed class SandboxFixture
{
    private static readonly Lazy<Task<SandboxFixture>> s_shared = new(StartAsync);

    private SandboxFixture(SandboxApiServer server, string directory)
    {
        Server = server;
        Directory = directory;
        Kubeconfig = Path.Combine(directory, "kubeconfig");
        server.WriteKubeconfig(Kubeconfig);
    }

    public SandboxApiServer Server { get; }

    public string Directory { get; }

    public string Kubeconfig { get; }

    public static Task<SandboxFixture> SharedAsync() => s_shared.Value;

    public ApiClient CreateClient() => new(Server.BaseAddress, Server.Token, Server.CaCertificatePem);

    public Kubectl Kubectl(string? @namespace = null) => new(Kubeconfig, Path.Combine(Directory, "cache"), @namespace);

    private static async Task<SandboxFixture> StartAsync()
    {
        var server = await SandboxApiServer.StartAsync(new SandboxApiServerOptions());
        foreach (var file in Crds.Files) await server.ApplyAsync(RepoFiles.Read(file));
        var directory = Path.Combine(Path.GetTempPath(), "cibridge-sandbox-tests-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(directory);
        return new SandboxFixture(server, directory);
    }
}
