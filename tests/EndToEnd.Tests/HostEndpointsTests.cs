using CiBridge.Kubernetes.Models;

namespace CiBridge.EndToEnd.Tests;

/// <summary>What the operator host serves besides the controllers: probes and Prometheus metrics.</summary>
public sealed class HostEndpointsTests(SharedEnvironment shared)
{
    [Fact]
    public async Task Probes_AreUpAndReadyOnceCachesSynced()
    {
        using var http = new HttpClient { BaseAddress = shared.Environment.OperatorAddress };

        Assert.Equal("ok", await http.GetStringAsync("/healthz", Scenario.Ct));
        Assert.Equal("ok", await http.GetStringAsync("/readyz", Scenario.Ct));
    }

    [Fact]
    public async Task Metrics_CountReconcilesBuildsAndJenkinsRequests()
    {
        var scenario = await Scenario.StartAsync(shared.Environment);
        await scenario.ReadyEndpointAsync();
        await scenario.CreateTaskAsync("measured", SharedEnvironment.Quick);
        var task = await scenario.FinishedAsync("measured");
        Assert.Equal("True", Conditions.Find(task.Status!.Conditions, "Succeeded")!.Status);
        using var http = new HttpClient { BaseAddress = shared.Environment.OperatorAddress };

        var metrics = await http.GetStringAsync("/metrics", Scenario.Ct);

        Assert.Contains("# TYPE controller_reconcile_total counter", metrics, StringComparison.Ordinal);
        Assert.Matches("controller_reconcile_total\\{controller=\"citask\",result=\"requeue_after\"\\} [1-9]", metrics);
        Assert.Matches("controller_reconcile_time_seconds_bucket\\{controller=\"jenkinsendpoint\",le=\"\\+Inf\"\\} [1-9]", metrics);
        Assert.Matches("cibridge_builds_total\\{result=\"SUCCESS\"\\} [1-9]", metrics);
        Assert.Matches("jenkins_request_duration_seconds_count\\{endpoint=\"http://127.0.0.1:[0-9]+/\",method=\"POST\",outcome=\"201\"\\} [1-9]", metrics);
        Assert.Contains("workqueue_depth{controller=\"citask\"}", metrics, StringComparison.Ordinal);
    }
}
