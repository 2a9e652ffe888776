using CiBridge.Entities.JenkinsEndpoints;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Models;
using CiBridge.TestKit;

namespace CiBridge.EndToEnd.Tests;

/// <summary>The approved list lives in a ConfigMap the operator watches: a change applies without a restart.</summary>
public sealed class ApprovedProvidersTests : IAsyncLifetime
{
    private const string OperatorNamespace = "ci-bridge-system";
    private const string ConfigMapName = "ci-bridge-approved-providers";
    private OperatorEnvironment _environment = null!;

    public async ValueTask InitializeAsync()
    {
        _environment = await OperatorEnvironment.StartAsync(Scenario.Ct,
            options: o => o.ApprovedProvidersConfigMap = $"{OperatorNamespace}/{ConfigMapName}");
        SharedEnvironment.AddTestJobs(_environment.Jenkins);
        await _environment.Client.CreateAsync(new Namespace { Metadata = new ObjectMeta { Name = OperatorNamespace } }, Scenario.Ct);
        await _environment.Client.CreateAsync(new ConfigMap
        {
            Metadata = new ObjectMeta { Name = ConfigMapName, Namespace = OperatorNamespace },
            Data = new() { ["approvedProviders"] = "JenkinsEndpoint\n" },
        }, Scenario.Ct);
    }

    public async ValueTask DisposeAsync() => await _environment.DisposeAsync();

    [Fact]
    public async Task WithdrawingAndRestoringApproval_AppliesWithoutRestart_AndDeletesNothing()
    {
        var scenario = await Scenario.StartAsync(_environment);
        await scenario.ReadyEndpointAsync();
        await scenario.CreateTaskAsync("build", SharedEnvironment.Quick);
        await scenario.FinishedAsync("build");

        await SetApprovedAsync("TektonEndpoint\n");

        var endpoint = await scenario.EndpointAsync(e => ReadyReason(e.Status?.Conditions) == "ProviderNotApproved", "endpoint ProviderNotApproved");
        var task = await scenario.TaskAsync("build", t => ReadyReason(t.Status?.Conditions) == "ProviderNotApproved", "task ProviderNotApproved");
        Assert.Contains("approved provider kinds: TektonEndpoint", Conditions.Find(task.Status!.Conditions, "Ready")!.Message, StringComparison.Ordinal);
        Assert.True(Conditions.IsTrue(endpoint.Status!.Conditions, "Stalled"));
        Assert.Contains(_environment.Logs.Lines, l => l.Contains("Approved provider kinds changed from JenkinsEndpoint to TektonEndpoint", StringComparison.Ordinal));

        await SetApprovedAsync("JenkinsEndpoint\nTektonEndpoint\n");

        await scenario.EndpointAsync(e => Conditions.IsTrue(e.Status?.Conditions, "Ready"), "endpoint Ready again");
        await scenario.TaskAsync("build", t => Conditions.IsTrue(t.Status?.Conditions, "Ready"), "task Ready again");
        await scenario.AssertInvariantsAsync();
    }

    [Fact]
    public async Task AWrongList_IsReportedAndTheLastGoodListStays()
    {
        var scenario = await Scenario.StartAsync(_environment);

        await SetApprovedAsync("jenkins-endpoint\n");
        await Eventually.HoldsAsync(() => _environment.Logs.Lines.Any(l => l.Contains("\"jenkins-endpoint\" is not a kind name", StringComparison.Ordinal)),
            "the wrong list logged", ct: Scenario.Ct);
        await scenario.ReadyEndpointAsync();

        var endpoint = await _environment.Client.GetAsync<JenkinsEndpoint>(new ObjectKey(scenario.Namespace, Scenario.EndpointName), Scenario.Ct);
        Assert.Equal("Verified", ReadyReason(endpoint!.Status?.Conditions));
    }

    private async Task SetApprovedAsync(string kinds)
    {
        var configMap = (await _environment.Client.GetAsync<ConfigMap>(new ObjectKey(OperatorNamespace, ConfigMapName), Scenario.Ct))!;
        configMap.Data!["approvedProviders"] = kinds;
        await _environment.Client.ReplaceAsync(configMap, Scenario.Ct);
    }

    private static string? ReadyReason(List<Condition>? conditions) => Conditions.Find(conditions, "Ready")?.Reason;
}
