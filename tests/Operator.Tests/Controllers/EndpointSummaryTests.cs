using System.Text;
using CiBridge.Entities.Conditions;
using CiBridge.Entities.JenkinsEndpoints;
using CiBridge.Jenkins.Models;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Models;
using CiBridge.Operator.Controllers.Endpoints;
using CiBridge.Operator.Controllers.Shared;
using CiBridge.Operator.Tests.Controllers.Support;

namespace CiBridge.Operator.Tests.Controllers;

public sealed class EndpointSummaryTests
{
    private static readonly DateTimeOffset s_now = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Case name → (outcome, expected "Ready/reason +Stalled").</summary>
    private static readonly Dictionary<string, (Outcome Outcome, string Expected)> s_cases = new()
    {
        ["verified"] = (Outcome.DoneUntil(TimeSpan.FromMinutes(5)), "True/Verified"),
        ["unreachable"] = (Outcome.Retry(EndpointReasons.Unreachable, "refused"), "False/Unreachable"),
        ["credentials rejected"] = (Outcome.Stall(EndpointReasons.AuthenticationFailed, "401", TimeSpan.FromMinutes(5)), "False/AuthenticationFailed +Stalled"),
        ["CA bundle missing"] = (Outcome.Stall(EndpointReasons.CaBundleNotFound, "no ConfigMap"), "False/CaBundleNotFound +Stalled"),
        ["unexpected error"] = (Outcome.Failed(EndpointReasons.ReconciliationFailed, new InvalidOperationException("boom")), "False/ReconciliationFailed"),
    };

    public static TheoryData<string> Cases => [.. s_cases.Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Apply_DerivesReadyAndStalled(string name)
    {
        var (outcome, expected) = s_cases[name];
        var endpoint = Objects.Endpoint();
        endpoint.Metadata.Generation = 3;

        EndpointStatusSummary.Apply(endpoint, outcome, s_now);

        var conditions = endpoint.Status!.Conditions;
        var ready = Conditions.Find(conditions, ConditionTypes.Ready)!;
        var actual = $"{ready.Status}/{ready.Reason}" + (Conditions.IsTrue(conditions, ConditionTypes.Stalled) ? " +Stalled" : "");
        Assert.True(expected == actual, $"{name}: {actual}");
        Assert.Equal(3, endpoint.Status.ObservedGeneration);
        Assert.Null(Conditions.Find(conditions, ConditionTypes.Reconciling));
    }

    [Fact]
    public void Apply_ChangesNothing_WhenNoVerificationWasDue()
    {
        var endpoint = Objects.Endpoint();

        EndpointStatusSummary.Apply(endpoint, Outcome.After(TimeSpan.FromMinutes(2)), s_now);

        Assert.Null(endpoint.Status);
    }

    public static TheoryData<VerifyStatus, string, bool> VerifyCases => new()
    {
        { VerifyStatus.Unreachable, EndpointReasons.Unreachable, false },
        { VerifyStatus.Timeout, EndpointReasons.Unreachable, false },
        { VerifyStatus.ServerError, EndpointReasons.Unreachable, false },
        { VerifyStatus.TlsError, EndpointReasons.TlsError, true },
        { VerifyStatus.Unauthorized, EndpointReasons.AuthenticationFailed, true },
        { VerifyStatus.Anonymous, EndpointReasons.AuthenticationFailed, true },
        { VerifyStatus.Forbidden, EndpointReasons.Forbidden, true },
        { VerifyStatus.LoginRedirect, EndpointReasons.NotJenkins, true },
    };

    [Theory]
    [MemberData(nameof(VerifyCases))]
    public void VerifyOutcome_MapsToAReason_AndWhetherOnlyTheUserCanFixIt(VerifyStatus status, string reason, bool stalled)
    {
        var failure = VerifyOutcomeMapping.ToFailure(new VerifyOutcome(status, "message"))!;

        Assert.Equal((reason, stalled), (failure.Reason, failure.Stalled));
    }

    public static TheoryData<string, Dictionary<string, string>, string> Secrets => new()
    {
        { "complete", new() { ["username"] = "robot", ["token"] = "t0ken", ["headers"] = "CF-Access-Client-Id: abc" }, "ok robot 1" },
        { "no username", new() { ["token"] = "t0ken" }, "InvalidSecret: Secret \"creds\" has no key \"username\"" },
        { "no token", new() { ["username"] = "robot" }, "InvalidSecret: Secret \"creds\" has no key \"token\"" },
        { "malformed header", new() { ["username"] = "robot", ["token"] = "t0ken", ["headers"] = "no colon here" }, "InvalidSecret: Secret \"creds\" key \"headers\", line 1" },
        { "non-ASCII header value", new() { ["username"] = "robot", ["token"] = "t0ken", ["headers"] = "A: b\nCF-Access-Client-Secret: t0ken-é" }, "InvalidSecret: Secret \"creds\" key \"headers\", line 2: the value of header \"CF-Access-Client-Secret\" holds a character HTTP headers cannot carry" },
        { "header name with a space", new() { ["username"] = "robot", ["token"] = "t0ken", ["headers"] = "X Token: 1" }, "InvalidSecret: Secret \"creds\" key \"headers\", line 1: \"X Token\" is not a header name" },
    };

    [Theory]
    [MemberData(nameof(Secrets))]
    public void SecretCredentials_NameTheMissingKey_NeverTheValue(string name, Dictionary<string, string> data, string expected)
    {
        var secret = new Secret { Metadata = new ObjectMeta { Name = "creds" }, Data = data.ToDictionary(d => d.Key, d => Encoding.UTF8.GetBytes(d.Value)) };

        var parsed = SecretCredentials.Parse(secret, AuthTypes.Token);

        var actual = parsed.Failure is { } f ? $"{f.Reason}: {f.Message}" : $"ok {parsed.UserName} {parsed.Headers.Count}";
        Assert.True(actual.StartsWith(expected, StringComparison.Ordinal), $"{name}: {actual}");
        Assert.DoesNotContain("t0ken", actual, StringComparison.Ordinal);
    }

    private static readonly Dictionary<string, (Outcome Outcome, ReconcileResult Expected)> s_results = new()
    {
        ["done"] = (Outcome.Done, ReconcileResult.Done),
        ["done until"] = (Outcome.DoneUntil(TimeSpan.FromMinutes(5)), ReconcileResult.After(TimeSpan.FromMinutes(5))),
        ["after"] = (Outcome.After(TimeSpan.FromSeconds(2)), ReconcileResult.After(TimeSpan.FromSeconds(2))),
        ["waiting"] = (Outcome.Wait("Pending", "x"), ReconcileResult.Done),
        ["blocked"] = (Outcome.Blocked("EndpointNotReady", "x"), ReconcileResult.Done),
        ["stalled"] = (Outcome.Stall("InvalidSpec", "x"), ReconcileResult.Done),
        ["stalled, look again later"] = (Outcome.Stall("Forbidden", "x", TimeSpan.FromMinutes(5)), ReconcileResult.After(TimeSpan.FromMinutes(5))),
    };

    public static TheoryData<string> Results => [.. s_results.Keys];

    [Theory]
    [MemberData(nameof(Results))]
    public void Outcome_ToResult(string name)
    {
        var (outcome, expected) = s_results[name];
        Assert.True(expected == outcome.ToResult(), name);
    }

    [Fact]
    public void Outcome_Retry_IsRetriedWithBackOff()
    {
        var result = Outcome.Retry(EndpointReasons.Unreachable, "refused").ToResult();

        Assert.Contains("Unreachable: refused", Assert.IsType<ReconcileResult.RetryResult>(result).Error.Message, StringComparison.Ordinal);
    }
}
