namespace CiBridge.Jenkins.Models;

/// <summary>What verifying an endpoint found.</summary>
public enum VerifyStatus
{
    /// <summary>An authenticated request succeeded and the user has Overall/Read.</summary>
    Verified,

    /// <summary>No connection (refused, reset, closed) or the circuit is open.</summary>
    Unreachable,

    /// <summary>The host name did not resolve.</summary>
    DnsFailure,

    /// <summary>TLS handshake or certificate validation failed.</summary>
    TlsError,

    /// <summary>No answer in time.</summary>
    Timeout,

    /// <summary>401: wrong user, password or token (or a revoked token).</summary>
    Unauthorized,

    /// <summary>403: authenticated but missing a permission (or a proxy refused).</summary>
    Forbidden,

    /// <summary>The server answered but is not a Jenkins (no X-Jenkins, not its JSON).</summary>
    NotJenkins,

    /// <summary>Redirected to a login page: an SSO proxy in front, or the API is not reachable with Basic auth.</summary>
    LoginRedirect,

    /// <summary>Jenkins treated the credentials as anonymous (security disabled or ignored).</summary>
    Anonymous,

    /// <summary>Jenkins or a proxy answered 5xx.</summary>
    ServerError,
}
