using System.Text.Json.Nodes;
using CiBridge.Kubernetes.Yaml;
using CiBridge.Operator.Crds;
using CiBridge.Sandbox.ApiServer;
using CiBridge.TestKit;

namespace CiBridge.Operator.Tests.Deploy;

/// <summary>examples/: the team's objects pass the API server's checks; the chart values the Argo CD and Flux examples pass render.</summary>
public sealed class GitOpsExamplesTests
{
    [Fact]
    public async Task TeamObjects_PassServerSideDryRunWithOurCrds()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var api = await SandboxApiServer.StartAsync(new SandboxApiServerOptions(), ct);
        foreach (var (_, yaml) in CrdManifests.Render()) await api.ApplyAsync(yaml, ct);
        await api.ApplyAsync("apiVersion: v1\nkind: Namespace\nmetadata: {name: team-a}\n", ct);
        var kubeconfig = Path.Combine(Path.GetTempPath(), $"kubeconfig-{Guid.NewGuid():N}");
        api.WriteKubeconfig(kubeconfig);
        try
        {
            var result = await ExternalTool.RunAsync("kubectl", ["apply", "--dry-run=server", "-k", "examples/team-a"],
                new Dictionary<string, string> { ["KUBECONFIG"] = kubeconfig }, ct: ct);

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains("citask.cibridge.dev/build-process-war created (server dry run)", result.StandardOutput, StringComparison.Ordinal);
            Assert.Contains("jenkinsendpoint.cibridge.dev/jenkins-prod created (server dry run)", result.StandardOutput, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(kubeconfig);
        }
    }

    [Theory]
    [InlineData("examples/argocd/application.yaml", "Application")]
    [InlineData("examples/flux/ci-bridge.yaml", "HelmRelease")]
    public async Task ChartValuesOfTheExample_PassTheSchemaAndRender(string file, string kind)
    {
        var values = Values(YamlJson.ReadDocuments(await File.ReadAllTextAsync(RepositoryPaths.Combine(file), TestContext.Current.CancellationToken))
            .First(o => o["kind"]!.GetValue<string>() == kind));
        var valuesFile = Path.Combine(Path.GetTempPath(), $"values-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(valuesFile, values.ToJsonString(), TestContext.Current.CancellationToken);
        try
        {
            var result = await ExternalTool.RunAsync("helm", ["template", "ci-bridge", "charts/ci-bridge", "-n", "ci-bridge-system", "-f", valuesFile],
                ct: TestContext.Current.CancellationToken);

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains("--watch-namespaces=team-a", result.StandardOutput, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(valuesFile);
        }
    }

    private static JsonNode Values(JsonNode obj) =>
        obj["spec"]!["source"]?["helm"]?["valuesObject"] ?? obj["spec"]!["values"]!;
}
