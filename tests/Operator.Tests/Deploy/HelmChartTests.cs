using System.Text.Json.Nodes;
using CiBridge.Kubernetes.Yaml;
using CiBridge.TestKit;

namespace CiBridge.Operator.Tests.Deploy;

/// <summary>The Helm chart and the kustomize install, rendered by the real helm and kubectl.</summary>
public sealed class HelmChartTests
{
    private const string Chart = "charts/ci-bridge";

    [Fact]
    public async Task Lint_Passes()
    {
        var result = await ExternalTool.RunAsync("helm", ["lint", Chart], ct: TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public async Task Template_Defaults_ApproveJenkinsAndValidateBothKinds()
    {
        var objects = await RenderAsync([]);

        var args = Container(objects)["args"]!.AsArray().Select(a => a!.GetValue<string>()).ToList();
        Assert.Contains("--approved-providers=JenkinsEndpoint", args);
        Assert.Contains("--leader-election=true", args);
        var webhooks = Single(objects, "ValidatingWebhookConfiguration")["webhooks"]!.AsArray();
        Assert.Equal(["citasks.cibridge.dev", "jenkinsendpoints.cibridge.dev"], webhooks.Select(w => w!["name"]!.GetValue<string>()));
        Assert.All(webhooks, w => Assert.False(string.IsNullOrEmpty(w!["clientConfig"]!["caBundle"]?.GetValue<string>())));
    }

    [Fact]
    public async Task Template_ApprovedProvidersValue_ReachesTheOperator()
    {
        var objects = await RenderAsync(["--set", "approvedProviders={JenkinsEndpoint,TektonEndpoint}", "--set", "watchNamespaces={team-a}"]);

        var args = Container(objects)["args"]!.AsArray().Select(a => a!.GetValue<string>()).ToList();
        Assert.Contains("--approved-providers=JenkinsEndpoint,TektonEndpoint", args);
        Assert.Contains("--watch-namespaces=team-a", args);
    }

    [Fact]
    public async Task Template_IncludesTheGeneratedCrds()
    {
        var objects = await RenderAsync(["--include-crds"]);

        var crds = objects.Where(o => o["kind"]!.GetValue<string>() == "CustomResourceDefinition").Select(o => o["metadata"]!["name"]!.GetValue<string>());
        Assert.Equal(["citasks.cibridge.dev", "jenkinsendpoints.cibridge.dev"], crds.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task KustomizeInstall_IsTheChartRenderedWithItsValues()
    {
        var rendered = await ExternalTool.RunAsync("helm",
            ["template", "ci-bridge", Chart, "-n", "ci-bridge-system", "-f", "config/default/helm-values.yaml"],
            ct: TestContext.Current.CancellationToken);
        var committed = await File.ReadAllTextAsync(RepositoryPaths.Combine("config", "default", "ci-bridge.yaml"), TestContext.Current.CancellationToken);

        Assert.True(rendered.StandardOutput == committed,
            "config/default/ci-bridge.yaml is out of date with the chart; regenerate it with the command in config/default/README.md");
    }

    [Fact]
    public async Task KustomizeInstall_Builds()
    {
        var result = await ExternalTool.RunAsync("kubectl", ["kustomize", "config/default"], ct: TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == 0, result.ToString());
        var kinds = YamlJson.ReadDocuments(result.StandardOutput).Select(o => o["kind"]!.GetValue<string>()).ToHashSet();
        Assert.Superset(new HashSet<string> { "CustomResourceDefinition", "Deployment", "ValidatingWebhookConfiguration", "Certificate", "Issuer" }, kinds);
    }

    private static async Task<IReadOnlyList<JsonNode>> RenderAsync(string[] extra)
    {
        var result = await ExternalTool.RunAsync("helm", ["template", "rel", Chart, "-n", "ci-bridge", .. extra], ct: TestContext.Current.CancellationToken);
        Assert.True(result.ExitCode == 0, result.ToString());
        return YamlJson.ReadDocuments(result.StandardOutput);
    }

    private static JsonNode Single(IEnumerable<JsonNode> objects, string kind) => objects.Single(o => o["kind"]!.GetValue<string>() == kind);

    private static JsonNode Container(IEnumerable<JsonNode> objects) =>
        Single(objects, "Deployment")["spec"]!["template"]!["spec"]!["containers"]![0]!;
}
