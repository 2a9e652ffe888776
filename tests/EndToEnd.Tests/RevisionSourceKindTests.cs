using CiBridge.Entities.CiTasks;
using CiBridge.Kubernetes.Models;
using CiBridge.Sandbox.GitOps;
using CiBridge.Sandbox.Jenkins;

namespace CiBridge.EndToEnd.Tests;

/// <summary>A cluster without Argo CD: a CiTask naming an Application waits with RevisionSourceNotFound, and runs once the CRD and the object appear.</summary>
public sealed class RevisionSourceKindTests : IAsyncLifetime
{
    private OperatorEnvironment? _environment;

    private OperatorEnvironment Environment => _environment!;

    public async ValueTask InitializeAsync()
    {
        _environment = await OperatorEnvironment.StartAsync(Scenario.Ct, gitOpsCrds: false);
        SharedEnvironment.AddTestJobs(_environment.Jenkins);
    }

    public async ValueTask DisposeAsync()
    {
        if (_environment is not null) await _environment.DisposeAsync();
    }

    [Fact]
    public async Task KindNotInstalled_IsRevisionSourceNotFound_LoggedOnce_ThenRunsOnceInstalled()
    {
        var scenario = await Scenario.StartAsync(Environment);
        await scenario.ReadyEndpointAsync();
        await scenario.CreateTaskAsync("build", SharedEnvironment.Quick, spec =>
        {
            spec.Revision = null;
            spec.RevisionFrom = new RevisionSource { Kind = RevisionSource.ApplicationKind, Name = "app" };
        });

        var waiting = await scenario.TaskAsync("build",
            t => Conditions.Find(t.Status?.Conditions, "Ready") is { Status: "False", Reason: "RevisionSourceNotFound" }, "Ready=False RevisionSourceNotFound");
        await Environment.Api.ApplyAsync(GitOpsCrds.Render()[1], Scenario.Ct);
        await new GitOpsActor(scenario).CreateApplicationAsync("app", "abcdef0123456789");
        var ran = await scenario.TaskAsync("build", t => t.Status?.CurrentRun is { Result: not null, Revision: "abcdef0123456789" }, "run of the Application's revision", TimeSpan.FromMinutes(1));

        Assert.Contains("argoproj.io/v1alpha1", Conditions.Find(waiting.Status!.Conditions, "Ready")!.Message, StringComparison.Ordinal);
        Assert.Equal("abcdef0123456789", ran.Status!.LastHandledRevision);
        Assert.Single(Environment.Logs.Lines, l => l.Contains("ArgoApplication is not served by the API server", StringComparison.Ordinal));
        Assert.DoesNotContain(Environment.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("ArgoApplication", StringComparison.Ordinal));
        await scenario.AssertInvariantsAsync(JenkinsStandInExample.ApiToken);
    }
}
