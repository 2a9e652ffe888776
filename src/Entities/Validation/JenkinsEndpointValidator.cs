using CiBridge.Entities.JenkinsEndpoints;

namespace CiBridge.Entities.Validation;

/// <summary>
/// The rules for a JenkinsEndpoint beyond what the schema can say; the admission webhook and the
/// controller both call this, so an object that slipped past the webhook still gets a clear answer.
/// </summary>
public static class JenkinsEndpointValidator
{
    public static readonly TimeSpan MinimumVerifyInterval = TimeSpan.FromSeconds(10);

    public static ValidationResult Validate(JenkinsEndpoint endpoint, ApprovedProviders approved)
    {
        if (!approved.IsApproved(JenkinsEndpoint.KindName))
        {
            return new([new("kind", approved.NotApprovedMessage(JenkinsEndpoint.KindName))], ProviderNotApproved: true);
        }
        var spec = endpoint.Spec;
        var problems = new List<ValidationProblem>();
        var allowHttp = spec.AllowInsecureHttp == true;
        UrlRules.CheckServerUrl("spec.url", spec.Url, allowHttp, problems);
        foreach (var (key, url) in spec.Urls ?? [])
        {
            UrlRules.CheckServerUrl($"spec.urls[{key}]", url, allowHttp, problems);
        }
        if (spec.ProxyUrl is { } proxy) UrlRules.CheckServerUrl("spec.proxyUrl", proxy, allowHttp: true, problems);
        if (string.IsNullOrWhiteSpace(spec.CredentialsSecretRef?.Name))
        {
            problems.Add(new("spec.credentialsSecretRef.name", "Required value: the Secret with username and token or password"));
        }
        if (spec.CaBundle is { } ca && (ca.SecretKeyRef is null) == (ca.ConfigMapKeyRef is null))
        {
            problems.Add(new("spec.caBundle", "set exactly one of secretKeyRef and configMapKeyRef"));
        }
        DurationRules.Check("spec.verifyInterval", spec.VerifyInterval, MinimumVerifyInterval, SpecLimits.MaxVerifyInterval, problems);
        return new(problems, ProviderNotApproved: false);
    }
}
