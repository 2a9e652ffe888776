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

    [Theory]
    [InlineData(null, null)]
    [InlineData("""refusedEndpointNetworks=["169.254.0.0/16","10.0.0.0/8"]""", "--refused-endpoint-networks=169.254.0.0/16,10.0.0.0/8")]
    [InlineData("refusedEndpointNetworks=[]", "--refused-endpoint-networks=")]
    public async Task Template_RefusedEndpointNetworks_NullKeepsTheBuiltInList_AListOrNoneIsPassed(string? json, string? expected)
    {
        var objects = await RenderAsync(json is null ? [] : ["--set-json", json]);

        var flags = Args(objects).Where(a => a.StartsWith("--refused-endpoint-networks", StringComparison.Ordinal)).ToList();
        Assert.Equal(expected is null ? [] : [expected], flags);
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
            ["template", "ci-bridge", Chart, "-n", "ci-bridge-system", "-f", "config/default/helm-values.yaml", "--skip-tests"],
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

    [Fact]
    public async Task Template_ApprovedProviders_RenderedAsAWatchedConfigMap()
    {
        var objects = await RenderAsync(["--set", "approvedProviders={JenkinsEndpoint,TektonEndpoint}"]);

        var configMap = Single(objects, "ConfigMap");
        Assert.Equal("rel-approved-providers", configMap["metadata"]!["name"]!.GetValue<string>());
        Assert.Equal("JenkinsEndpoint\nTektonEndpoint\n", configMap["data"]!["approvedProviders"]!.GetValue<string>());
        Assert.Contains("--approved-providers-configmap=rel-approved-providers", Args(objects));
    }

    [Fact]
    public async Task Template_Rbac_GrantsOnlyWhatTheOperatorDoes()
    {
        var objects = await RenderAsync([]);

        var rules = Single(objects, "ClusterRole")["rules"]!.AsArray();
        Assert.Equal(["get", "list", "watch"], Verbs(rules, "jenkinsendpoints"));
        Assert.Equal(["get", "list", "watch", "patch"], Verbs(rules, "citasks"));
        Assert.Equal(["patch"], Verbs(rules, "jenkinsendpoints/status"));
        Assert.Equal(["get", "list", "watch"], Verbs(rules, "secrets"));
        Assert.Equal(["get", "list", "watch"], Verbs(rules, "configmaps"));
        Assert.Equal(["get", "list", "watch"], Verbs(rules, "gitrepositories"));
        Assert.Equal(["get", "list", "watch"], Verbs(rules, "applications"));
        var self = objects.Single(o => o["kind"]!.GetValue<string>() == "Role");
        var configMapRule = self["rules"]!.AsArray().Single(r => r!["resources"]!.AsArray().Any(x => x!.GetValue<string>() == "configmaps"))!;
        Assert.Equal(["rel-approved-providers"], configMapRule["resourceNames"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public async Task Template_RevisionSourcesRbacOff_LeavesOutGitRepositoriesAndApplications()
    {
        var objects = await RenderAsync(["--set", "revisionSources.rbac=false"]);

        var resources = Single(objects, "ClusterRole")["rules"]!.AsArray().SelectMany(r => r!["resources"]!.AsArray().Select(x => x!.GetValue<string>()));
        Assert.DoesNotContain("gitrepositories", resources);
        Assert.DoesNotContain("applications", resources);
        Assert.Contains("citasks", resources);
    }

    [Fact]
    public async Task Template_WatchNamespaces_ARolePerNamespaceAndNoClusterRole()
    {
        var objects = await RenderAsync(["--set", "watchNamespaces={team-a,team-b}"]);

        Assert.DoesNotContain(objects, o => o["kind"]!.GetValue<string>() is "ClusterRole" or "ClusterRoleBinding");
        var roles = objects.Where(o => o["kind"]!.GetValue<string>() == "Role" && o["metadata"]!["name"]!.GetValue<string>() == "rel");
        Assert.Equal(["team-a", "team-b"], roles.Select(r => r["metadata"]!["namespace"]!.GetValue<string>()));
        var bindings = objects.Where(o => o["kind"]!.GetValue<string>() == "RoleBinding" && o["metadata"]!["name"]!.GetValue<string>() == "rel");
        Assert.All(bindings, b => Assert.Equal("ci-bridge", b["subjects"]![0]!["namespace"]!.GetValue<string>()));
        Assert.Contains("--watch-namespaces=team-a,team-b", Args(objects));
    }

    [Fact]
    public async Task Template_Pod_RunsAsNonRootWithWritableTmpAndLimits()
    {
        var objects = await RenderAsync([]);

        var pod = Single(objects, "Deployment")["spec"]!["template"]!["spec"]!;
        Assert.Equal(65532L, pod["securityContext"]!["runAsUser"]!.GetValue<long>());
        Assert.Equal(65532L, pod["securityContext"]!["runAsGroup"]!.GetValue<long>());
        Assert.NotNull(pod["volumes"]!.AsArray().Single(v => v!["name"]!.GetValue<string>() == "tmp")!["emptyDir"]);
        Assert.Contains(Container(objects)["volumeMounts"]!.AsArray(), m => m!["mountPath"]!.GetValue<string>() == "/tmp");
        Assert.True(Container(objects)["securityContext"]!["readOnlyRootFilesystem"]!.GetValue<bool>());
        Assert.NotNull(Container(objects)["resources"]!["limits"]!["memory"]);
        Assert.NotNull(Container(objects)["resources"]!["requests"]!["cpu"]);
    }

    [Theory]
    [InlineData("2", true)]
    [InlineData("1", false)]
    public async Task Template_DisruptionBudget_OnlyWithMoreThanOneReplica(string replicas, bool expected)
    {
        var objects = await RenderAsync(["--set", $"replicaCount={replicas}"]);

        Assert.Equal(expected, objects.Any(o => o["kind"]!.GetValue<string>() == "PodDisruptionBudget"));
        Assert.Contains("--leader-election=true", Args(objects));
    }

    [Fact]
    public async Task Template_HasAHelmTestHook()
    {
        var objects = await RenderAsync([]);

        var test = objects.Single(o => o["metadata"]!["annotations"]?["helm.sh/hook"]?.GetValue<string>() == "test");
        Assert.Contains("/metrics", string.Join(' ', test["spec"]!["containers"]![0]!["command"]!.AsArray().Select(c => c!.GetValue<string>())), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("replicaCount=0", "replicaCount: Must be greater than or equal to 1")]
    [InlineData("logFormat=xml", "logFormat: logFormat must be one of the following: \"json\", \"text\"")]
    [InlineData("approvedProviders={jenkins-endpoint}", "approvedProviders.0: Does not match pattern")]
    [InlineData("watchNamespaces={Team_A}", "watchNamespaces.0: Does not match pattern")]
    [InlineData("webhook.failurePolicy=Sometimes", "webhook.failurePolicy: webhook.failurePolicy must be one of the following")]
    [InlineData("replicas=3", "Additional property replicas is not allowed")]
    [InlineData("refusedEndpointNetworks={metadata.google.internal}", "refusedEndpointNetworks.0: Does not match pattern")]
    public async Task Schema_RejectsWrongValues_NamingTheValue(string value, string expected)
    {
        var result = await ExternalTool.RunAsync("helm", ["template", "rel", Chart, "--set", value], ct: TestContext.Current.CancellationToken);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(expected, result.StandardError, StringComparison.Ordinal);
    }

    private static async Task<IReadOnlyList<JsonNode>> RenderAsync(string[] extra)
    {
        var result = await ExternalTool.RunAsync("helm", ["template", "rel", Chart, "-n", "ci-bridge", .. extra], ct: TestContext.Current.CancellationToken);
        Assert.True(result.ExitCode == 0, result.ToString());
        return YamlJson.ReadDocuments(result.StandardOutput);
    }

    private static List<string> Args(IEnumerable<JsonNode> objects) =>
        Container(objects)["args"]!.AsArray().Select(a => a!.GetValue<string>()).ToList();

    private static IEnumerable<string> Verbs(JsonArray rules, string resource) =>
        rules.Single(r => r!["resources"]!.AsArray().Any(x => x!.GetValue<string>() == resource))!["verbs"]!.AsArray().Select(v => v!.GetValue<string>());

    private static JsonNode Single(IEnumerable<JsonNode> objects, string kind) => objects.Single(o => o["kind"]!.GetValue<string>() == kind);

    private static JsonNode Container(IEnumerable<JsonNode> objects) =>
        Single(objects, "Deployment")["spec"]!["template"]!["spec"]!["containers"]![0]!;
}
