using CiBridge.Entities.JenkinsEndpoints;
using CiBridge.Entities.Validation;

namespace CiBridge.Entities.Tests.Validation;

public sealed class JenkinsEndpointValidatorTests
{
    [Fact]
    public void Validate_AcceptsHttpsWithPathPrefix()
    {
        var result = JenkinsEndpointValidator.Validate(Endpoint(e => e.Spec.Url = "https://ci.example.com/jenkins/"), ApprovedProviders.Default);

        Assert.True(result.IsValid, result.Summary);
    }

    [Fact]
    public void Validate_JenkinsNotApproved_IsProviderNotApproved()
    {
        var result = JenkinsEndpointValidator.Validate(Endpoint(), new ApprovedProviders([]));

        Assert.True(result.ProviderNotApproved);
        Assert.Contains("approved provider kinds: none", result.Summary, StringComparison.Ordinal);
    }

    public static TheoryData<string, Action<JenkinsEndpoint>, string> InvalidCases() => new()
    {
        { "plain http", e => e.Spec.Url = "http://jenkins.example.com/", "spec.url: uses http://" },
        { "relative url", e => e.Spec.Url = "jenkins.example.com", "spec.url: \"jenkins.example.com\" is not an absolute" },
        { "query string", e => e.Spec.Url = "https://jenkins.example.com/?a=b", "spec.url: must not have a query or fragment" },
        { "bad extra url", e => e.Spec.Urls = new() { ["apiUrl"] = "ftp://x" }, "spec.urls[apiUrl]: \"ftp://x\" is not an absolute" },
        { "missing secret name", e => e.Spec.CredentialsSecretRef.Name = "", "spec.credentialsSecretRef.name: Required value" },
        { "ca bundle with both refs", e => e.Spec.CaBundle = new() { SecretKeyRef = new() { Name = "a", Key = "b" }, ConfigMapKeyRef = new() { Name = "c", Key = "d" } }, "spec.caBundle: set exactly one" },
        { "ca bundle with no ref", e => e.Spec.CaBundle = new(), "spec.caBundle: set exactly one" },
        { "too short interval", e => e.Spec.VerifyInterval = "1s", "spec.verifyInterval: must be at least 10s" },
        { "interval over a day", e => e.Spec.VerifyInterval = "2000h", "spec.verifyInterval: must be at most 24h" },
        { "overflowing interval", e => e.Spec.VerifyInterval = "99999999999999999999h", "spec.verifyInterval: \"99999999999999999999h\" is not a duration" },
    };

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void Validate_RejectsWithFieldAndReason(string name, Action<JenkinsEndpoint> breakIt, string expected)
    {
        var result = JenkinsEndpointValidator.Validate(Endpoint(breakIt), ApprovedProviders.Default);

        Assert.True(result.Problems.Any(p => p.ToString().StartsWith(expected, StringComparison.Ordinal)), $"{name}: {result.Summary}");
    }

    [Fact]
    public void Validate_UrlWithCredentials_NeverEchoesThem()
    {
        var result = JenkinsEndpointValidator.Validate(Endpoint(e => e.Spec.Url = "https://bob:s3cr3t-canary@jenkins.example.com/"), ApprovedProviders.Default);

        Assert.Contains("must not contain a user name or password", result.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-canary", result.Summary, StringComparison.Ordinal);
    }

    private static JenkinsEndpoint Endpoint(Action<JenkinsEndpoint>? change = null)
    {
        var endpoint = new JenkinsEndpoint
        {
            Spec = new JenkinsEndpointSpec
            {
                Url = "https://jenkins.example.com/",
                CredentialsSecretRef = new() { Name = "jenkins-prod-credentials" },
                VerifyInterval = "5m",
            },
        };
        change?.Invoke(endpoint);
        return endpoint;
    }
}
