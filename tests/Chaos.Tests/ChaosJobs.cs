using CiBridge.Sandbox.Jenkins;
using CiBridge.Sandbox.Jenkins.Model;

namespace CiBridge.Chaos.Tests;

/// <summary>The stand-in's jobs for the suite: with and without <c>CIBRIDGE_RUN_ID</c>, and one that always fails.</summary>
internal static class ChaosJobs
{
    public const string WithRunId = "chaos/with-run-id";
    public const string WithoutRunId = "chaos/without-run-id";

    /// <summary>No run id either: its retries go through the fallback search too.</summary>
    public const string Failing = "chaos/failing";

    public static void Add(JenkinsStandIn jenkins)
    {
        jenkins.AddFolder("chaos");
        var parameters = new[] { StandInParameter.Text("TASK"), StandInParameter.Text("REV") };
        jenkins.AddJob(WithRunId, [.. parameters, StandInParameter.Text("CIBRIDGE_RUN_ID")], new JobBehavior(TimeSpan.FromSeconds(2), "SUCCESS", ["+ make", "ok"]));
        jenkins.AddJob(WithoutRunId, parameters, new JobBehavior(TimeSpan.FromSeconds(2), "SUCCESS", ["+ make", "ok"]));
        jenkins.AddJob(Failing, parameters, new JobBehavior(TimeSpan.FromSeconds(1), "FAILURE", ["+ make test", "3 failures"]));
    }
}
