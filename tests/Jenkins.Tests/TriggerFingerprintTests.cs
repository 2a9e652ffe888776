using CiBridge.Jenkins.Models;

namespace CiBridge.Jenkins.Tests;

/// <summary>Recognising a trigger without a run id: user, parameter values, time.</summary>
public sealed class TriggerFingerprintTests
{
    private static readonly DateTimeOffset s_intent = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan s_skew = TimeSpan.FromSeconds(30);

    private static readonly JenkinsJob s_job = new("platform/deploy", new Uri("http://jenkins.test/job/platform/job/deploy/"), "hudson.model.FreeStyleProject", true,
        [
            new JobParameter("BRANCH", "StringParameterDefinition", "main", [], null),
            new JobParameter("VERBOSE", "BooleanParameterDefinition", "false", [], null),
            new JobParameter("DEPLOY_KEY", "PasswordParameterDefinition", null, [], null),
        ], 1, null, false);

    private static readonly TriggerFingerprint s_sent = TriggerFingerprint.Of(s_job,
        new Dictionary<string, string> { ["BRANCH"] = "release", ["VERBOSE"] = "True", ["DEPLOY_KEY"] = "s3cr3t" }, s_intent - s_skew);

    public static TheoryData<string, TriggeredRun, bool> Cases => new()
    {
        { "our trigger, queued right after the intent", Run(), true },
        { "our trigger, user id in another case (ids are case-insensitive)", Run(user: "ROBOT"), true },
        { "folded with another user's request: both causes listed", Run(users: ["someone", "robot"]), true },
        { "queued 20 s before the intent: Jenkins' clock behind ours, within the allowance", Run(since: s_intent.AddSeconds(-20)), true },
        { "queued 40 s before the intent: older than the allowance", Run(since: s_intent.AddSeconds(-40)), false },
        { "a build by another user", Run(user: "someone"), false },
        { "no user cause (a timer or SCM trigger)", Run(users: []), false },
        { "another value of a sent parameter", Run(branch: "main"), false },
        { "another value of a boolean (Jenkins records true/false)", Run(verbose: "false"), false },
        { "the parameter is missing", Run(withBranch: false), false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_OnlyTheSameUserValuesAndTime(string name, TriggeredRun run, bool expected) =>
        Assert.True(s_sent.Matches(run, "robot") == expected, name);

    [Fact]
    public void Of_FillsDefaultsForUnsentParameters_AsJenkinsRecordsThem()
    {
        var fingerprint = TriggerFingerprint.Of(s_job, new Dictionary<string, string>(), s_intent);

        Assert.Equal("main", fingerprint.Parameters["BRANCH"]);
        Assert.Equal("false", fingerprint.Parameters["VERBOSE"]);
        Assert.True(fingerprint.Matches(Run(branch: "main", verbose: "false"), "robot"));
        Assert.False(fingerprint.Matches(Run(branch: "release", verbose: "false"), "robot"));
    }

    [Fact]
    public void PasswordValues_AreNotExported_SoTheyCannotTellRunsApart()
    {
        var other = Run(password: null);

        Assert.True(s_sent.Matches(other, "robot"));
    }

    private static TriggeredRun Run(string user = "robot", IReadOnlyList<string>? users = null, DateTimeOffset? since = null, string branch = "release",
        string verbose = "true", bool withBranch = true, string? password = null)
    {
        var parameters = new Dictionary<string, string?> { ["VERBOSE"] = verbose, ["DEPLOY_KEY"] = password };
        if (withBranch) parameters["BRANCH"] = branch;
        return new TriggeredRun(7, null, since ?? s_intent.AddSeconds(1), users ?? [user], parameters);
    }
}
