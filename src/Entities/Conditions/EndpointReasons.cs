namespace CiBridge.Entities.Conditions;

/// <summary>Reasons of a JenkinsEndpoint's Ready condition.</summary>
public static class EndpointReasons
{
    public const string Verified = "Verified";
    public const string InvalidSpec = "InvalidSpec";
    public const string SecretNotFound = "SecretNotFound";
    public const string InvalidSecret = "InvalidSecret";
    public const string Unreachable = "Unreachable";
    public const string TlsError = "TLSError";
    public const string AuthenticationFailed = "AuthenticationFailed";
    public const string Forbidden = "Forbidden";
    public const string NotJenkins = "NotJenkins";
    public const string ProviderNotApproved = "ProviderNotApproved";
}
