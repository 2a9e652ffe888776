using CiBridge.TestKit;

namespace CiBridge.EndToEnd.Tests;

/// <summary>
/// The real-cluster tier of the end-to-end tests: the operator (with leader election, as deployed)
/// and the Jenkins stand-in against a real API server: the cluster <c>CIBRIDGE_TEST_KUBECONFIG</c>
/// names, else a k3s container. Where neither exists the tests skip with "no Docker engine".
/// </summary>
public sealed class RealClusterEnvironment : IAsyncLifetime
{
    public const string LeaderLease = "ci-bridge-leader";
    public const string LeaderNamespace = "default";

    private OperatorEnvironment? _environment;
    private bool _started;

    /// <summary>The environment, started on first use; skips the calling test when there is no real cluster.</summary>
    public async Task<OperatorEnvironment> RequireAsync()
    {
        if (!_started)
        {
            _started = true;
            var kubeconfig = await RealCluster.KubeconfigAsync();
            if (kubeconfig is not null)
            {
                _environment = await OperatorEnvironment.StartOnClusterAsync(kubeconfig, CancellationToken.None, options =>
                {
                    options.LeaderElection = true;
                    options.LeaderElectionLease = LeaderLease;
                    options.LeaderElectionNamespace = LeaderNamespace;
                });
                SharedEnvironment.AddTestJobs(_environment.Jenkins);
            }
        }
        Assert.SkipWhen(_environment is null, DockerEngine.SkipReason);
        return _environment!;
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_environment is not null) await _environment.DisposeAsync();
    }
}
