namespace CiBridge.Entities.Conditions;

/// <summary>Reasons of a JenkinsEndpoint's Ready (and Stalled) condition; docs/operator.md has the table.</summary>
public static class EndpointReasons
{
    /// <summary>Ready=True: Jenkins answered and accepted the credentials.</summary>
    public const string Verified = "Verified";

    /// <summary>Stalled: the spec breaks a rule the schema cannot express (the message names the field).</summary>
    public const string InvalidSpec = "InvalidSpec";

    /// <summary>Stalled: the credentials Secret does not exist in the endpoint's namespace.</summary>
    public const string SecretNotFound = "SecretNotFound";

    /// <summary>Stalled: the credentials Secret lacks a key or has a malformed <c>headers</c> entry.</summary>
    public const string InvalidSecret = "InvalidSecret";

    /// <summary>Stalled: the Secret or ConfigMap named by <c>spec.caBundle</c>, or its key, does not exist.</summary>
    public const string CaBundleNotFound = "CaBundleNotFound";

    /// <summary>Retried with back-off: connection refused or reset, DNS failure, timeout or a 5xx answer.</summary>
    public const string Unreachable = "Unreachable";

    /// <summary>Stalled: the server's certificate was not accepted.</summary>
    public const string TlsError = "TLSError";

    /// <summary>Stalled: 401, or Jenkins treated the credentials as anonymous.</summary>
    public const string AuthenticationFailed = "AuthenticationFailed";

    /// <summary>Stalled: 403 for the authenticated user.</summary>
    public const string Forbidden = "Forbidden";

    /// <summary>Stalled: the URL answers but is not Jenkins (or redirects to a login page).</summary>
    public const string NotJenkins = "NotJenkins";

    /// <summary>Stalled: this installation does not approve JenkinsEndpoint as a provider.</summary>
    public const string ProviderNotApproved = "ProviderNotApproved";

    /// <summary>Retried with back-off: a step failed unexpectedly (for example an API server error).</summary>
    public const string ReconciliationFailed = "ReconciliationFailed";
}
