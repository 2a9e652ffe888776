using System.Text;
using CiBridge.Entities.CiTasks;
using CiBridge.Kubernetes.Models;
using CiBridge.Sandbox.Jenkins.Model;
using CiBridge.TestKit;

namespace CiBridge.EndToEnd.Tests;

/// <summary>
/// The real kubectl finds scripts/kubectl-cibridge on PATH (kubectl's plugin convention) and runs
/// the operator binary of this checkout with the arguments after "cibridge" and its KUBECONFIG.
/// </summary>
public sealed class KubectlPluginTests(SharedEnvironment shared) : IDisposable
{
    private readonly string _pluginDirectory = Directory.CreateTempSubdirectory("cibridge-plugin-").FullName;

    private OperatorEnvironment Environment => shared.Environment;

    [Fact]
    public async Task KubectlCibridgeLogs_PrintsTheBuildsConsole_WithTheSecretParameterRedacted()
    {
        var scenario = await Scenario.StartAsync(Environment);
        var secretValue = $"deploy-key-{Guid.NewGuid():N}";
        var job = $"e2e/deploy-{scenario.Namespace}";
        Environment.Jenkins.AddJob(job, [StandInParameter.Text("DEPLOY_KEY"), StandInParameter.Text("CIBRIDGE_RUN_ID")],
            new JobBehavior(TimeSpan.FromMilliseconds(300), "SUCCESS", ["+ ./deploy.sh", $"using key {secretValue} for production", "deployed"]), JobKind.Pipeline);
        await scenario.ReadyEndpointAsync();
        await Environment.Client.CreateAsync(new Secret
        {
            Metadata = new ObjectMeta { Name = "deploy", Namespace = scenario.Namespace },
            Data = new() { ["key"] = Encoding.UTF8.GetBytes(secretValue) },
        }, Scenario.Ct);
        await scenario.CreateTaskAsync("deploy", job, spec => spec.Parameters =
            [new TaskParameter { Name = "DEPLOY_KEY", ValueFrom = new ParameterSource { SecretKeyRef = new KeySelector { Name = "deploy", Key = "key" } } }]);
        var task = await scenario.FinishedAsync("deploy");

        var logs = await KubectlAsync("cibridge", "logs", "ct/deploy", "-n", scenario.Namespace);
        var past = await KubectlAsync("cibridge", "logs", "citask/deploy", "-n", scenario.Namespace, "--run", task.Status!.CurrentRun!.BuildNumber!.ToString()!);

        Assert.True(logs.ExitCode == 0, logs.ToString());
        Assert.Contains("+ ./deploy.sh\nusing key *** for production\ndeployed\nFinished: SUCCESS\n", logs.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(secretValue, logs.ToString(), StringComparison.Ordinal);
        Assert.Equal(logs.StandardOutput, past.StandardOutput);
        await scenario.AssertInvariantsAsync(secretValue);
    }

    [Fact]
    public async Task KubectlCibridge_WrongFormOrMissingObject_IsOneErrorLine()
    {
        var scenario = await Scenario.StartAsync(Environment);

        var wrongForm = await KubectlAsync("cibridge", "logs", "deploy", "-n", scenario.Namespace);
        var missing = await KubectlAsync("cibridge", "logs", "ct/deploy", "-n", scenario.Namespace);

        Assert.Equal(2, wrongForm.ExitCode);
        Assert.Equal("error: expected ct/NAME or citask/NAME, got 'deploy'\n", wrongForm.StandardError);
        Assert.Equal(2, missing.ExitCode);
        Assert.Equal($"error: citask \"deploy\" not found in namespace \"{scenario.Namespace}\"\n", missing.StandardError);
    }

    public void Dispose() => Directory.Delete(_pluginDirectory, recursive: true);

    private Task<ToolResult> KubectlAsync(params string[] args)
    {
        var plugin = Path.Combine(_pluginDirectory, "kubectl-cibridge");
        if (!File.Exists(plugin)) File.CreateSymbolicLink(plugin, RepositoryPaths.Combine("scripts", "kubectl-cibridge"));
        var environment = new Dictionary<string, string>
        {
            ["KUBECONFIG"] = Environment.KubeconfigPath,
            ["PATH"] = _pluginDirectory + Path.PathSeparator + System.Environment.GetEnvironmentVariable("PATH"),
        };
        return ExternalTool.RunAsync("kubectl", args, environment, timeout: TimeSpan.FromSeconds(90), ct: Scenario.Ct);
    }
}
