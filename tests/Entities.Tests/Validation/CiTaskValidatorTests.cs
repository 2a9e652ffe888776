using CiBridge.Entities.CiTasks;
using CiBridge.Entities.Validation;
using CiBridge.Kubernetes.Models;

namespace CiBridge.Entities.Tests.Validation;

public sealed class CiTaskValidatorTests
{
    [Fact]
    public void Validate_AcceptsTheSampleShape()
    {
        Assert.True(CiTaskValidator.Validate(Task(), ApprovedProviders.Default).IsValid);
    }

    [Fact]
    public void Validate_AcceptsMultiLineParameterValues_AsJenkinsTextParametersTakeThem()
    {
        var result = CiTaskValidator.Validate(Task(t => t.Spec.Parameters![0].Value = "line one\r\n\tline two\n"), ApprovedProviders.Default);

        Assert.True(result.IsValid, result.Summary);
    }

    [Fact]
    public void Validate_UnapprovedProvider_NamesTheApprovedKinds()
    {
        var task = Task(t => t.Spec.EndpointRef!.Kind = "GitLabEndpoint");

        var result = CiTaskValidator.Validate(task, ApprovedProviders.Default);

        Assert.True(result.ProviderNotApproved);
        Assert.Equal(
            "spec.endpointRef.kind: provider kind \"GitLabEndpoint\" is not approved; approved provider kinds: JenkinsEndpoint. New integrations need approval by the platform team.",
            result.Summary);
    }

    [Fact]
    public void Validate_ProviderOutsideAnOperatorsList_IsNotApprovedEvenIfJenkins()
    {
        var result = CiTaskValidator.Validate(Task(), new ApprovedProviders(["TektonEndpoint"]));

        Assert.True(result.ProviderNotApproved);
    }

    [Fact]
    public void Validate_WithoutEndpointRef_IsValid_TheDefaultEndpointIsAJenkinsEndpoint()
    {
        var task = Task(t => t.Spec.EndpointRef = null);

        Assert.True(CiTaskValidator.Validate(task, ApprovedProviders.Default).IsValid);
        Assert.True(CiTaskValidator.Validate(task, new ApprovedProviders(["TektonEndpoint"])).ProviderNotApproved);
    }

    [Theory]
    [InlineData("GitRepository", null)]
    [InlineData("GitRepository", "source.toolkit.fluxcd.io/v1")]
    [InlineData("Application", "argoproj.io/v1alpha1")]
    public void Validate_RevisionFrom_AcceptsBothSourceKinds(string kind, string? apiVersion)
    {
        var result = CiTaskValidator.Validate(Task(t => t.Spec.RevisionFrom = new() { ApiVersion = apiVersion, Kind = kind, Name = "app" }), ApprovedProviders.Default);

        Assert.True(result.IsValid, result.Summary);
    }

    public static TheoryData<string, Action<CiTask>, string> InvalidCases() => new()
    {
        { "empty endpoint name", t => t.Spec.EndpointRef!.Name = "", "spec.endpointRef.name: Required value" },
        { "job with empty segment", t => t.Spec.Job = "a//b", "spec.job: \"a//b\" is not a job path" },
        { "job with dot-dot", t => t.Spec.Job = "a/../b", "spec.job: \"a/../b\" is not a job path" },
        { "leading slash", t => t.Spec.Job = "/a", "spec.job: \"/a\" is not a job path" },
        { "duplicate parameter", t => t.Spec.Parameters!.Add(new() { Name = "BRANCH", Value = "x" }), "spec.parameters[1].name: \"BRANCH\" is given twice" },
        { "reserved run id", t => t.Spec.Parameters!.Add(new() { Name = "CIBRIDGE_RUN_ID", Value = "x" }), "spec.parameters[1].name: CIBRIDGE_RUN_ID is set by the operator" },
        { "value and valueFrom", t => t.Spec.Parameters![0].ValueFrom = new() { SecretKeyRef = new() { Name = "s", Key = "k" } }, "spec.parameters[0]: set exactly one of value and valueFrom" },
        { "neither value nor valueFrom", t => t.Spec.Parameters![0].Value = null, "spec.parameters[0]: set exactly one of value and valueFrom" },
        { "valueFrom with two refs", t => t.Spec.Parameters![0] = new() { Name = "P", ValueFrom = new() { SecretKeyRef = new() { Name = "s", Key = "k" }, ConfigMapKeyRef = new() { Name = "c", Key = "k" } } }, "spec.parameters[0].valueFrom: set exactly one of secretKeyRef and configMapKeyRef" },
        { "NUL in the job path", t => t.Spec.Job = "folder/bu\0ild", "spec.job: must not contain control characters (found U+0000 at position 9)" },
        { "escape in the job path", t => t.Spec.Job = "build\u001b", "spec.job: must not contain control characters (found U+001B at position 5)" },
        { "NUL in a parameter value", t => t.Spec.Parameters![0].Value = "ma\0in", "spec.parameters[0].value: must not contain control characters other than tab and line breaks (found U+0000 at position 2)" },
        { "zero timeout", t => t.Spec.Timeout = "0s", "spec.timeout: must be at least 1s" },
        { "unparsable timeout", t => t.Spec.Timeout = "soon", "spec.timeout: \"soon\" is not a duration such as 90s, 5m or 1h" },
        { "timeout over seven days", t => t.Spec.Timeout = "168h1s", "spec.timeout: must be at most 168h" },
        { "revision and revisionFrom", t => { t.Spec.Revision = "3f2c9e1"; t.Spec.RevisionFrom = new() { Kind = "GitRepository", Name = "app" }; }, "spec.revisionFrom: set either revision or revisionFrom, not both" },
        { "revision source of another kind", t => t.Spec.RevisionFrom = new() { Kind = "Bucket", Name = "app" }, "spec.revisionFrom.kind: \"Bucket\" is not a revision source; use GitRepository (Flux) or Application (Argo CD)" },
        { "revision source at another version", t => t.Spec.RevisionFrom = new() { ApiVersion = "source.toolkit.fluxcd.io/v1beta1", Kind = "GitRepository", Name = "app" }, "spec.revisionFrom.apiVersion: \"source.toolkit.fluxcd.io/v1beta1\" is not supported for GitRepository; use source.toolkit.fluxcd.io/v1" },
        { "revision source without a name", t => t.Spec.RevisionFrom = new() { Kind = "Application" }, "spec.revisionFrom.name: Required value" },
        { "reserved revision", t => t.Spec.Parameters!.Add(new() { Name = "CIBRIDGE_REVISION", Value = "x" }), "spec.parameters[1].name: CIBRIDGE_REVISION is set by the operator" },
        { "overflowing timeout", t => t.Spec.Timeout = "99999999999999999999h", "spec.timeout: \"99999999999999999999h\" is not a duration" },
    };

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void Validate_RejectsWithFieldAndReason(string name, Action<CiTask> breakIt, string expected)
    {
        var result = CiTaskValidator.Validate(Task(breakIt), ApprovedProviders.Default);

        Assert.False(result.ProviderNotApproved, name);
        Assert.True(result.Problems.Any(p => p.ToString().StartsWith(expected, StringComparison.Ordinal)), $"{name}: {result.Summary}");
    }

    private static CiTask Task(Action<CiTask>? change = null)
    {
        var task = new CiTask
        {
            Metadata = new ObjectMeta { Name = "build", Namespace = "team-a" },
            Spec = new CiTaskSpec
            {
                EndpointRef = new EndpointReference { Kind = "JenkinsEndpoint", Name = "jenkins-prod" },
                Job = "platform/process/build-war",
                Parameters = [new TaskParameter { Name = "BRANCH", Value = "master" }],
                Timeout = "30m",
            },
        };
        change?.Invoke(task);
        return task;
    }
}
