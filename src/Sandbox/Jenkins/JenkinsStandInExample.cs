using CiBridge.Sandbox.Jenkins.Model;

namespace CiBridge.Sandbox.Jenkins;

/// <summary>
/// The ready-made "example" Jenkins used by the sandbox: user <c>admin</c> with a password and an
/// API token, a folder job <c>platform/process/build-war</c> (BRANCH, CIBRIDGE_RUN_ID), a failing
/// job, a slow job and a plain one.
/// </summary>
public static class JenkinsStandInExample
{
    /// <summary>The example user's id.</summary>
    public const string User = "admin";

    /// <summary>The example user's password (password auth needs crumbs).</summary>
    public const string Password = "admin";

    /// <summary>The example user's API token (34 hex digits like Jenkins' legacy-format tokens).</summary>
    public const string ApiToken = "11d6a1c0c2e6f94f3c8b1e2a7d0f5b9c42";

    /// <summary>The folder job with BRANCH and CIBRIDGE_RUN_ID.</summary>
    public const string BuildWar = "platform/process/build-war";

    /// <summary>A job whose builds fail.</summary>
    public const string Failing = "platform/flaky-tests";

    /// <summary>A job whose builds take ten minutes.</summary>
    public const string Slow = "platform/nightly-release";

    /// <summary>A job without parameters.</summary>
    public const string Hello = "hello";

    /// <summary>Starts a stand-in with the example configuration (what the <c>sandbox</c> verb runs).</summary>
    public static async Task<JenkinsStandIn> StartAsync(JenkinsStandInOptions options, CancellationToken ct)
    {
        var standIn = await JenkinsStandIn.StartAsync(options, ct);
        Apply(standIn);
        return standIn;
    }

    /// <summary>Adds the example users, folders and jobs.</summary>
    public static void Apply(JenkinsStandIn standIn)
    {
        standIn.AddUser(User, Password, ApiToken, "Jenkins Admin");
        standIn.AddJob(
            BuildWar,
            [StandInParameter.Text("BRANCH", "master"), StandInParameter.Secret("DEPLOY_KEY"), StandInParameter.Text("CIBRIDGE_RUN_ID")],
            new JobBehavior(TimeSpan.FromSeconds(20), "SUCCESS", ["+ git checkout $BRANCH", "+ mvn -B package", "[INFO] BUILD SUCCESS", "Archiving artifacts"], "3f2c9e1d4b5a69788796a5b4c3d2e1f0a9b8c7d6"),
            JobKind.Pipeline);
        standIn.AddJob(
            Failing,
            [StandInParameter.Choice("SUITE", "unit", "integration"), StandInParameter.Flag("VERBOSE")],
            new JobBehavior(TimeSpan.FromSeconds(5), "FAILURE", ["+ ./run-tests.sh", "Tests run: 42, Failures: 3", "Build step 'Execute shell' marked build as failure"]));
        standIn.AddJob(Slow, [], new JobBehavior(TimeSpan.FromMinutes(10), "SUCCESS", ["+ ./release.sh", "step 1/3", "step 2/3", "step 3/3"]));
        standIn.AddJob(Hello, [], new JobBehavior(TimeSpan.FromSeconds(2), "SUCCESS", ["Hello, world!"]));
    }
}
