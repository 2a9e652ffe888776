using CiBridge.Sandbox.Jenkins;
using CiBridge.Sandbox.Jenkins.Model;

[assembly: AssemblyFixture(typeof(CiBridge.EndToEnd.Tests.SharedEnvironment))]

namespace CiBridge.EndToEnd.Tests;

/// <summary>One operator environment for the tests that do not stop the operator or Jenkins; each test uses its own namespace.</summary>
public sealed class SharedEnvironment : IAsyncLifetime
{
    public const string Quick = "e2e/quick";
    public const string QuickWithoutRunId = "e2e/quick-no-run-id";
    public const string Failing = "e2e/failing";
    public const string Slow = "e2e/slow";

    private OperatorEnvironment? _environment;

    public OperatorEnvironment Environment => _environment ?? throw new InvalidOperationException("not started");

    public async ValueTask InitializeAsync()
    {
        _environment = await OperatorEnvironment.StartAsync(CancellationToken.None);
        AddTestJobs(_environment.Jenkins);
    }

    public async ValueTask DisposeAsync()
    {
        if (_environment is not null) await _environment.DisposeAsync();
    }

    /// <summary>Jobs with short builds, so scenarios finish in seconds on the stand-in's real clock.</summary>
    public static void AddTestJobs(JenkinsStandIn jenkins)
    {
        jenkins.AddFolder("e2e");
        jenkins.AddJob(Quick, [StandInParameter.Text("BRANCH", "main"), StandInParameter.Text("DEPLOY_KEY"), StandInParameter.Text("CIBRIDGE_RUN_ID")],
            new JobBehavior(TimeSpan.FromMilliseconds(500), "SUCCESS", ["+ make", "ok"], "0123456789abcdef0123456789abcdef01234567"), JobKind.Pipeline);
        jenkins.AddJob(QuickWithoutRunId, [StandInParameter.Text("BRANCH", "main")], new JobBehavior(TimeSpan.FromMilliseconds(200)), JobKind.Pipeline);
        jenkins.AddJob(Failing, [StandInParameter.Text("CIBRIDGE_RUN_ID")],
            new JobBehavior(TimeSpan.FromMilliseconds(500), "FAILURE", ["+ ./test.sh", "Tests run: 3, Failures: 1"]), JobKind.Pipeline);
        jenkins.AddJob(Slow, [StandInParameter.Text("CIBRIDGE_RUN_ID")], new JobBehavior(TimeSpan.FromMinutes(30)), JobKind.Pipeline);
    }
}
