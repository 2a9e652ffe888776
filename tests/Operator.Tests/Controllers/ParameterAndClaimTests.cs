using CiBridge.Entities.CiTasks;
using CiBridge.Entities.Conditions;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Models;
using CiBridge.Operator.Controllers.Tasks;
using CiBridge.Operator.Tests.Controllers.Support;

namespace CiBridge.Operator.Tests.Controllers;

public sealed class ParameterAndClaimTests
{
    private static CancellationToken Ct => Harness.Ct;

    public static TheoryData<string, TaskParameter, string> Parameters => new()
    {
        { "literal", new TaskParameter { Name = "BRANCH", Value = "main" }, "BRANCH=main" },
        { "from a Secret (redacted later)", From("TOKEN", secret: "deploy", key: "token"), "TOKEN=s3cr3t secret" },
        { "from a ConfigMap", From("REGION", configMap: "settings", key: "region"), "REGION=eu-west" },
        { "Secret missing", From("TOKEN", secret: "nope", key: "token"), "ParameterSourceNotFound: parameter TOKEN: Secret \"nope\" key \"token\" not found" },
        { "ConfigMap key missing", From("REGION", configMap: "settings", key: "zone"), "ParameterSourceNotFound: parameter REGION: ConfigMap \"settings\" key \"zone\" not found" },
        { "NUL in a ConfigMap value", From("NOTE", configMap: "settings", key: "nul"), "InvalidParameters: parameter NOTE: ConfigMap \"settings\" key \"nul\" holds a control character Jenkins cannot take (U+0000 at position 1)" },
        { "NUL in a Secret value, not located", From("KEY", secret: "deploy", key: "nul"), "InvalidParameters: parameter KEY: Secret \"deploy\" key \"nul\" holds a control character Jenkins cannot take" },
    };

    [Theory]
    [MemberData(nameof(Parameters))]
    public async Task Resolve_ReadsEachSource_AndNamesWhatIsMissing(string name, TaskParameter parameter, string expected)
    {
        var harness = new Harness();
        await harness.Api.CreateAsync(new Secret { Metadata = Meta("deploy"), Data = new() { ["token"] = "s3cr3t"u8.ToArray(), ["nul"] = "s\0cr3t"u8.ToArray() } }, Ct);
        await harness.Api.CreateAsync(new ConfigMap { Metadata = Meta("settings"), Data = new() { ["region"] = "eu-west", ["nul"] = "a\0b" } }, Ct);
        var task = Objects.Task();
        task.Spec.Parameters = [parameter];

        var (resolved, failure) = await new ParameterResolver(harness.Api).ResolveAsync(task, Ct);

        var actual = failure is not null
            ? $"{failure.Reason}: {failure.Message}"
            : string.Join(",", resolved!.Values.Select(v => $"{v.Key}={v.Value}")) + (resolved.SecretValues.Count > 0 ? " secret" : "");
        Assert.True(actual.StartsWith(expected, StringComparison.Ordinal), $"{name}: {actual}");
        if (failure is not null) Assert.True(failure.Stalled);
    }

    [Fact]
    public void Claims_FirstOwnerKeepsAQueueItem_UntilReleased()
    {
        var claims = new QueueClaims();
        var (a, b) = (new ObjectKey("ns", "a"), new ObjectKey("ns", "b"));

        Assert.True(claims.TryClaim("ns/jenkins", "job", 7, a));
        Assert.True(claims.TryClaim("ns/jenkins", "job", 7, a));
        Assert.False(claims.TryClaim("ns/jenkins", "job", 7, b));
        Assert.True(claims.TryClaim("ns/other-jenkins", "job", 7, b));
        claims.Restore("ns/jenkins", "job", 7, b);
        Assert.False(claims.TryClaim("ns/jenkins", "job", 7, b));
        claims.Release(a);
        Assert.True(claims.TryClaim("ns/jenkins", "job", 7, b));
    }

    [Fact]
    public void Reasons_ArePascalCaseAndDistinctPerKind()
    {
        foreach (var kind in new[] { typeof(TaskReasons), typeof(EndpointReasons) })
        {
            var values = kind.GetFields().Select(f => (string)f.GetRawConstantValue()!).ToList();
            Assert.All(values, v => Assert.Matches("^[A-Z][A-Za-z]*$", v));
            Assert.Equal(values.Count, values.Distinct().Count());
        }
    }

    private static ObjectMeta Meta(string name) => new() { Namespace = Objects.Namespace, Name = name };

    private static TaskParameter From(string name, string? secret = null, string? configMap = null, string key = "") => new()
    {
        Name = name,
        ValueFrom = new ParameterSource
        {
            SecretKeyRef = secret is null ? null : new KeySelector { Name = secret, Key = key },
            ConfigMapKeyRef = configMap is null ? null : new KeySelector { Name = configMap, Key = key },
        },
    };
}
