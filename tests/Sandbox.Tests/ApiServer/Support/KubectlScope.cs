namespace CiBridge.Sandbox.Tests.ApiServer.Support;

/// <summary>kubectl and a raw client on the shared sandbox, bound to a fresh namespace.</summary>
internal static class KubectlScope
{
    public static async Task<(Kubectl Kubectl, ApiClient Client, string Namespace)> CreateAsync()
    {
        var fixture = await SandboxFixture.SharedAsync();
        var client = fixture.CreateClient();
        var ns = await Namespaces.CreateAsync(client);
        return (fixture.Kubectl(ns), client, ns);
    }
}
