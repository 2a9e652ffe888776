using CiBridge.Sandbox.ApiServer;
using CiBridge.Sandbox.Tests.ApiServer.Support;

namespace CiBridge.Sandbox.Tests.ApiServer.Kubectl;

/// <summary>Installing our CRDs with kubectl on an empty sandbox.</summary>
public sealed class KubectlCrdTests
{
    [Fact]
    public async Task ApplyCrds_ThenWaitEstablished_ThenTheKindsAreServed()
    {
        await using var server = await SandboxApiServer.StartAsync(new SandboxApiServerOptions(), TestContext.Current.CancellationToken);
        var directory = Directory.CreateTempSubdirectory("sandbox-crds-").FullName;
        try
        {
            server.WriteKubeconfig(Path.Combine(directory, "kubeconfig"));
            var kubectl = new Support.Kubectl(Path.Combine(directory, "kubeconfig"), Path.Combine(directory, "cache"), null);
            var missing = await kubectl.RunAsync("get", "ct");
            Assert.Contains("the server doesn't have a resource type \"ct\"", missing.Stderr, StringComparison.Ordinal);

            var unknown = await kubectl.RunAsync(["apply", "-f", "-"], "{\"apiVersion\":\"cibridge.dev/v1alpha1\",\"kind\":\"CiTask\",\"metadata\":{\"name\":\"early\"}}");
            Assert.Contains("no matches for kind \"CiTask\" in version \"cibridge.dev/v1alpha1\"", unknown.Stderr, StringComparison.Ordinal);

            var applied = (await kubectl.RunAsync("apply", "-k", RepoFiles.Path_("config/crds"))).Succeeded();
            Assert.Contains("customresourcedefinition.apiextensions.k8s.io/citasks.cibridge.dev created", applied.Stdout, StringComparison.Ordinal);
            var established = (await kubectl.RunAsync("wait", "--for=condition=Established", "crd/citasks.cibridge.dev", "crd/jenkinsendpoints.cibridge.dev", "--timeout=20s")).Succeeded();
            Assert.Contains("condition met", established.Stdout, StringComparison.Ordinal);
            var empty = (await kubectl.RunAsync("get", "ct", "-n", "default")).Succeeded();
            Assert.Contains("No resources found in default namespace.", empty.Stderr, StringComparison.Ordinal);
            var again = (await kubectl.RunAsync("apply", "-k", RepoFiles.Path_("config/crds"))).Succeeded();
            Assert.Contains("customresourcedefinition.apiextensions.k8s.io/citasks.cibridge.dev unchanged", again.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
