using CiBridge.Sandbox.Tests.ApiServer.Support;

namespace CiBridge.Sandbox.Tests.ApiServer.Kubectl;

/// <summary>The real kubectl reads from the sandbox: get with printer columns, -o yaml, describe, explain.</summary>
public sealed class KubectlReadTests
{
    [Fact]
    public async Task ApplySamples_ThenGet_ShowsPrinterColumns()
    {
        var (kubectl, _, _) = await KubectlScope.CreateAsync();
        var applied = (await kubectl.RunAsync("apply", "-k", RepoFiles.Path_("config/samples"))).Succeeded();
        Assert.Contains("citask.cibridge.dev/build-process-war created", applied.Stdout, StringComparison.Ordinal);
        Assert.Contains("jenkinsendpoint.cibridge.dev/jenkins-prod created", applied.Stdout, StringComparison.Ordinal);
        var tasks = (await kubectl.RunAsync("get", "ct")).Succeeded().Stdout.Split('\n');
        Assert.Matches(@"^NAME\s+ENDPOINT\s+JOB\s+SUCCEEDED\s+REASON\s+BUILD\s+STARTTIME\s+COMPLETIONTIME\s+AGE", tasks[0]);
        Assert.Matches(@"^build-process-war\s+jenkins-prod\s+platform/process/build-war\s+", tasks[1]);
        var both = (await kubectl.RunAsync("get", "cibridge")).Succeeded().Stdout;
        Assert.Contains("jenkinsendpoint.cibridge.dev/jenkins-prod", both, StringComparison.Ordinal);
        Assert.Contains("citask.cibridge.dev/build-process-war", both, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetYaml_ShowsTheStoredObjectWithSystemMetadata()
    {
        var (kubectl, _, _) = await KubectlScope.CreateAsync();
        (await kubectl.RunAsync("apply", "-k", RepoFiles.Path_("config/samples"))).Succeeded();
        var yaml = (await kubectl.RunAsync("get", "ct", "build-process-war", "-o", "yaml")).Succeeded().Stdout;
        Assert.Contains("generation: 1", yaml, StringComparison.Ordinal);
        Assert.Contains("uid: ", yaml, StringComparison.Ordinal);
        Assert.Contains("revision: 3f2c9e1", yaml, StringComparison.Ordinal);
        Assert.Contains("kubectl.kubernetes.io/last-applied-configuration", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Describe_ShowsTheObjectsEvents()
    {
        var (kubectl, client, ns) = await KubectlScope.CreateAsync();
        (await kubectl.RunAsync("apply", "-k", RepoFiles.Path_("config/samples"))).Succeeded();
        var task = await client.GetAsync($"{Objects.CiTasks(ns)}/build-process-war");
        var uid = task.Object["metadata"]!["uid"]!.ToString();
        var eventYaml = $"""
            apiVersion: v1
            kind: Event
            metadata: {"{"}name: build-process-war.1{"}"}
            involvedObject: {"{"}apiVersion: cibridge.dev/v1alpha1, kind: CiTask, name: build-process-war, namespace: {ns}, uid: {uid}{"}"}
            reason: BuildStarted
            message: Jenkins build 7 started
            type: Normal
            source: {"{"}component: ci-bridge{"}"}
            firstTimestamp: "2026-01-01T00:00:00Z"
            lastTimestamp: "2026-01-01T00:00:00Z"
            count: 1
            """;
        (await kubectl.RunAsync(["apply", "-f", "-"], eventYaml)).Succeeded();
        var described = (await kubectl.RunAsync("describe", "ct", "build-process-war")).Succeeded().Stdout;
        Assert.Contains("Events:", described, StringComparison.Ordinal);
        Assert.Matches(@"Normal\s+BuildStarted\s+.*ci-bridge\s+Jenkins build 7 started", described);
    }

    [Fact]
    public async Task Explain_DescribesOurFields()
    {
        var (kubectl, _, _) = await KubectlScope.CreateAsync();
        var explained = (await kubectl.RunAsync("explain", "ct.spec.endpointRef")).Succeeded().Stdout;
        Assert.Contains("KIND:       CiTask", explained, StringComparison.Ordinal);
        Assert.Contains("FIELD: endpointRef <Object>", explained, StringComparison.Ordinal);
        Assert.Contains("kind\t<string>", explained, StringComparison.Ordinal);
        var endpoint = (await kubectl.RunAsync("explain", "jenkinsendpoints.spec.authType")).Succeeded().Stdout;
        Assert.Contains("ENUM:", endpoint, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(InvalidSamples))]
    public async Task ApplyInvalidSample_FailsWithTheExpectedMessage(string file)
    {
        var (kubectl, _, _) = await KubectlScope.CreateAsync();
        var path = RepoFiles.Path_(Path.Combine("config/samples/invalid", file));
        var expect = File.ReadLines(path).First(l => l.StartsWith("# expect: ", StringComparison.Ordinal))["# expect: ".Length..];
        var result = await kubectl.RunAsync("apply", "-f", path);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(expect, result.Stderr, StringComparison.Ordinal);
    }

    public static TheoryData<string> InvalidSamples() =>
        new(Directory.GetFiles(RepoFiles.Path_("config/samples/invalid"), "*.yaml").Select(Path.GetFileName).Order().Cast<string>());
}
