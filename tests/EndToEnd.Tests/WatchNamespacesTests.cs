using CiBridge.Entities.CiTasks;
using CiBridge.Entities.JenkinsEndpoints;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Models;
using CiBridge.Sandbox.Jenkins;

namespace CiBridge.EndToEnd.Tests;

/// <summary><c>--watch-namespaces a,b</c>: the operator handles those namespaces and leaves every other one alone.</summary>
public sealed class WatchNamespacesTests
{
    [Fact]
    public async Task OperatorWatchingTwoOfThreeNamespaces_HandlesOnlyThoseTwo()
    {
        var (a, b, other) = (OperatorEnvironment.NewNamespaceName(), OperatorEnvironment.NewNamespaceName(), OperatorEnvironment.NewNamespaceName());
        await using var environment = await OperatorEnvironment.StartAsync(Scenario.Ct, options: o => o.WatchNamespaces = [a, b]);
        SharedEnvironment.AddTestJobs(environment.Jenkins);
        var scenarios = new List<Scenario>();
        foreach (var ns in new[] { other, a, b }) scenarios.Add(new Scenario(environment, await environment.CreateNamespaceAsync(Scenario.Ct, ns)));
        var unwatched = scenarios[0];
        // The unwatched namespace gets everything first, so an operator that watched it would have handled it by the end.
        await unwatched.CreateCredentialsAsync(JenkinsStandInExample.ApiToken);
        await unwatched.CreateEndpointAsync();
        var ignored = await unwatched.CreateTaskAsync("build", SharedEnvironment.Quick);

        foreach (var watched in scenarios.Skip(1))
        {
            await watched.ReadyEndpointAsync();
            await watched.CreateTaskAsync("build", SharedEnvironment.Quick);
        }
        foreach (var watched in scenarios.Skip(1))
        {
            var task = await watched.FinishedAsync("build");
            Assert.Equal("True", Conditions.Find(task.Status!.Conditions, "Succeeded")!.Status);
        }

        var endpoint = await environment.Client.GetAsync<JenkinsEndpoint>(new ObjectKey(other, Scenario.EndpointName), Scenario.Ct);
        var task3 = await environment.Client.GetAsync<CiTask>(new ObjectKey(other, "build"), Scenario.Ct);
        Assert.Null(endpoint!.Status);
        Assert.Null(task3!.Status);
        Assert.Empty(task3.Metadata.Finalizers ?? []);
        Assert.Empty(unwatched.BuildsOf(ignored, SharedEnvironment.Quick));
        Assert.Equal(2, environment.Jenkins.ReceivedBuilds().Count(r => r.JobPath == SharedEnvironment.Quick));
    }
}
