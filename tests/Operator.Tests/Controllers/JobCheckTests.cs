using CiBridge.Entities.Conditions;
using CiBridge.Jenkins.Models;
using CiBridge.Operator.Controllers.Tasks;
using CiBridge.Operator.Tests.Controllers.Support;

namespace CiBridge.Operator.Tests.Controllers;

public sealed class JobCheckTests
{
    private static readonly JobParameter s_branch = FakeJenkins.StringParameter("BRANCH");
    private static readonly JobParameter s_target = new("TARGET", "ChoiceParameterDefinition", "dev", ["dev", "prod"], null);

    /// <summary>(case, job, values, expected "reason stalled|transient: fragment" or "ok").</summary>
    public static TheoryData<string, JenkinsJob, Dictionary<string, string>, string> Cases => new()
    {
        { "declared parameters", FakeJenkins.Job("app", true, s_branch, s_target), new() { ["BRANCH"] = "main", ["TARGET"] = "prod" }, "ok" },
        { "no parameters at all", FakeJenkins.Job("app"), new(), "ok" },
        { "disabled job", FakeJenkins.Job("app", false), new(), "JobDisabled transient: is disabled" },
        { "folder", FakeJenkins.Job("platform", false) with { Class = "com.cloudbees.hudson.plugins.folder.Folder" }, new(), "JobIsFolder stalled: is a folder in Jenkins, not a job" },
        { "multibranch project", FakeJenkins.Job("app", false) with { Class = "org.jenkinsci.plugins.workflow.multibranch.WorkflowMultiBranchProject" }, new(), "JobIsFolder stalled: is a folder in Jenkins" },
        { "undeclared parameter", FakeJenkins.Job("app", true, s_branch), new() { ["BRANCH"] = "main", ["COLOR"] = "red" }, "InvalidParameters stalled: COLOR is not a parameter of the job" },
        { "choice outside the list", FakeJenkins.Job("app", true, s_target), new() { ["TARGET"] = "qa" }, "InvalidParameters stalled: TARGET must be one of dev, prod" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Check_AcceptsOnlyWhatTheJobDeclares(string name, JenkinsJob job, Dictionary<string, string> values, string expected)
    {
        var failure = JobCheck.Check(job, values);

        var actual = failure is null ? "ok" : $"{failure.Reason} {(failure.Stalled ? "stalled" : "transient")}";
        Assert.True(expected == "ok" ? actual == "ok" : expected.StartsWith(actual + ":", StringComparison.Ordinal), $"{name}: {actual}");
        if (failure is not null) Assert.Contains(expected[(expected.IndexOf(':', StringComparison.Ordinal) + 2)..], failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_NamesTheDeclaredParameters_WithoutTheReservedRunId()
    {
        var job = FakeJenkins.Job("app", true, s_branch, FakeJenkins.StringParameter("CIBRIDGE_RUN_ID"));

        var failure = JobCheck.Check(job, new Dictionary<string, string> { ["COLOR"] = "red" })!;

        Assert.EndsWith("(it declares: BRANCH)", failure.Message, StringComparison.Ordinal);
        Assert.Equal(TaskReasons.InvalidParameters, failure.Reason);
    }
}
