using CiBridge.Sandbox.Tests.ApiServer.Support;
using CiBridge.TestKit;

namespace CiBridge.Sandbox.Tests.ApiServer.Kubectl;

/// <summary>The real kubectl writes to the sandbox: patch, server-side apply, dry run, finalizers.</summary>
public sealed class KubectlWriteTests
{
    private static string Task(string name, string revision, string extraMetadata = "") => $"""
        apiVersion: cibridge.dev/v1alpha1
        kind: CiTask
        metadata:
          name: {name}{extraMetadata}
        spec:
          endpointRef:
            name: jenkins-prod
          job: platform/process/build-war
          revision: {revision}
        """;

    [Fact]
    public async Task CreateSecretAndConfigMap_ThroughKubectlsProtobufBodies()
    {
        var (kubectl, client, ns) = await KubectlScope.CreateAsync();
        (await kubectl.RunAsync("create", "secret", "generic", "creds", "--from-literal=username=deployer", "--from-literal=token=s3cr3t")).Succeeded();
        (await kubectl.RunAsync("create", "configmap", "settings", "--from-literal=mode=fast")).Succeeded();
        var secret = await client.GetAsync($"/api/v1/namespaces/{ns}/secrets/creds");
        Assert.Equal("Opaque", secret.Object["type"]!.ToString());
        Assert.Equal(Convert.ToBase64String("deployer"u8.ToArray()), secret.Object["data"]!["username"]!.ToString());
        var configMap = await client.GetAsync($"{Objects.ConfigMaps(ns)}/settings");
        Assert.Equal("fast", configMap.Object["data"]!["mode"]!.ToString());
        var other = "k-" + Guid.NewGuid().ToString("N")[..8];
        (await kubectl.RunAsync("create", "namespace", other)).Succeeded();
        Assert.Equal(200, (await client.GetAsync($"/api/v1/namespaces/{other}")).Code);
    }

    [Fact]
    public async Task PatchMergeAndJson_ChangeTheSpec()
    {
        var (kubectl, client, ns) = await KubectlScope.CreateAsync();
        (await kubectl.RunAsync(["apply", "-f", "-"], Task("p", "r1"))).Succeeded();
        (await kubectl.RunAsync("patch", "ct", "p", "--type", "merge", "-p", """{"spec":{"revision":"r2"}}""")).Succeeded();
        var merged = await client.GetAsync($"{Objects.CiTasks(ns)}/p");
        Assert.Equal("r2", merged.Object["spec"]!["revision"]!.ToString());
        (await kubectl.RunAsync("patch", "ct", "p", "--type", "json", "-p", """[{"op":"replace","path":"/spec/revision","value":"r3"}]""")).Succeeded();
        var patched = await client.GetAsync($"{Objects.CiTasks(ns)}/p");
        Assert.Equal("r3", patched.Object["spec"]!["revision"]!.ToString());
        Assert.Equal(3, patched.Object["metadata"]!["generation"]!.GetValue<long>());
    }

    [Fact]
    public async Task ApplyServerSide_ConflictsWithAnotherManager_UntilForced()
    {
        var (kubectl, client, ns) = await KubectlScope.CreateAsync();
        var created = (await kubectl.RunAsync(["apply", "--server-side", "-f", "-"], Task("ssa", "r1"))).Succeeded();
        Assert.Contains("citask.cibridge.dev/ssa serverside-applied", created.Stdout, StringComparison.Ordinal);
        var conflict = await kubectl.RunAsync(["apply", "--server-side", "--field-manager", "other", "-f", "-"], Task("ssa", "r2"));
        Assert.NotEqual(0, conflict.ExitCode);
        Assert.Contains("conflict with \"kubectl\"", conflict.Stderr, StringComparison.Ordinal);
        Assert.Contains(".spec.revision", conflict.Stderr, StringComparison.Ordinal);
        (await kubectl.RunAsync(["apply", "--server-side", "--field-manager", "other", "--force-conflicts", "-f", "-"], Task("ssa", "r2"))).Succeeded();
        var forced = await client.GetAsync($"{Objects.CiTasks(ns)}/ssa");
        Assert.Equal("r2", forced.Object["spec"]!["revision"]!.ToString());
    }

    [Fact]
    public async Task ApplyDryRunServer_StoresNothing()
    {
        var (kubectl, client, ns) = await KubectlScope.CreateAsync();
        var dry = (await kubectl.RunAsync(["apply", "--dry-run=server", "-f", "-"], Task("dry", "r1"))).Succeeded();
        Assert.Contains("citask.cibridge.dev/dry created (server dry run)", dry.Stdout, StringComparison.Ordinal);
        Assert.Equal(404, (await client.GetAsync($"{Objects.CiTasks(ns)}/dry")).Code);
    }

    [Fact]
    public async Task DeleteDryRunServer_KeepsTheObject()
    {
        var (kubectl, client, ns) = await KubectlScope.CreateAsync();
        (await kubectl.RunAsync(["apply", "-f", "-"], Task("kept", "r1"))).Succeeded();
        var dry = (await kubectl.RunAsync("delete", "ct", "kept", "--dry-run=server")).Succeeded();
        Assert.Contains("citask.cibridge.dev \"kept\" deleted (server dry run)", dry.Stdout, StringComparison.Ordinal);
        Assert.Equal(200, (await client.GetAsync($"{Objects.CiTasks(ns)}/kept")).Code);
    }

    [Fact]
    public async Task PatchWithoutType_OnACustomResource_SaysStrategicMergeIsNotSupported()
    {
        var (kubectl, _, _) = await KubectlScope.CreateAsync();
        (await kubectl.RunAsync(["apply", "-f", "-"], Task("smp", "r1"))).Succeeded();
        var patch = await kubectl.RunAsync("patch", "ct", "smp", "-p", """{"spec":{"revision":"r2"}}""");
        Assert.NotEqual(0, patch.ExitCode);
        Assert.Contains("application/strategic-merge-patch+json is not supported", patch.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_WithFinalizerPending_KeepsTheObjectUntilTheFinalizerIsRemoved()
    {
        var (kubectl, client, ns) = await KubectlScope.CreateAsync();
        var withFinalizer = Task("held", "r1", "\n  finalizers: [cibridge.dev/finalizer]");
        (await kubectl.RunAsync(["apply", "-f", "-"], withFinalizer)).Succeeded();
        var deleted = (await kubectl.RunAsync("delete", "ct", "held", "--wait=false")).Succeeded();
        Assert.Contains("citask.cibridge.dev \"held\" deleted", deleted.Stdout, StringComparison.Ordinal);
        var marked = (await kubectl.RunAsync("get", "ct", "held", "-o", "jsonpath={.metadata.deletionTimestamp}")).Succeeded();
        Assert.NotEmpty(marked.Stdout.Trim());
        (await kubectl.RunAsync("patch", "ct", "held", "--type", "merge", "-p", """{"metadata":{"finalizers":null}}""")).Succeeded();
        var gone = await kubectl.RunAsync("get", "ct", "held");
        Assert.NotEqual(0, gone.ExitCode);
        Assert.Contains("citasks.cibridge.dev \"held\" not found", gone.Stderr, StringComparison.Ordinal);
        Assert.Equal(404, (await client.GetAsync($"{Objects.CiTasks(ns)}/held")).Code);
    }

    [Fact]
    public async Task WaitForCondition_ReturnsWhenStatusSaysReady()
    {
        var (kubectl, client, ns) = await KubectlScope.CreateAsync();
        (await kubectl.RunAsync(["apply", "-f", "-"], Task("ready", "r1"))).Succeeded();
        var wait = kubectl.RunAsync(["wait", "--for=condition=Ready", "ct/ready", "--timeout=30s"], null, TimeSpan.FromSeconds(40));
        var status = """{"status":{"observedGeneration":1,"conditions":[{"type":"Ready","status":"True","reason":"Succeeded","message":"done","lastTransitionTime":"2026-01-01T00:00:00Z","observedGeneration":1}]}}""";
        Assert.Equal(200, (await client.PatchAsync($"{Objects.CiTasks(ns)}/ready/status", status)).Code);
        var result = (await wait).Succeeded();
        Assert.Contains("citask.cibridge.dev/ready condition met", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetWatch_PrintsNewObjectsAsTheyArrive()
    {
        var (kubectl, client, ns) = await KubectlScope.CreateAsync();
        await client.PostAsync(Objects.CiTasks(ns), Objects.CiTask("first"));
        using var watch = kubectl.Start(["get", "ct", "-w"]);
        var lines = new List<string>();
        var ct = TestContext.Current.CancellationToken;
        var reader = System.Threading.Tasks.Task.Run(async () =>
        {
            while (await watch.StandardOutput.ReadLineAsync(ct) is { } line)
            {
                lock (lines) lines.Add(line);
            }
        }, ct);
        bool Printed(string name)
        {
            lock (lines) return lines.Any(l => l.StartsWith(name + " ", StringComparison.Ordinal));
        }
        try
        {
            await Eventually.HoldsAsync(() => Printed("first"), "kubectl get -w listed the existing CiTask", ct: ct);
            await client.PostAsync(Objects.CiTasks(ns), Objects.CiTask("second"));
            await Eventually.HoldsAsync(() => Printed("second"), "kubectl get -w printed the new CiTask", ct: ct);
        }
        finally
        {
            watch.Kill(entireProcessTree: true);
            await reader;
        }
    }
}
