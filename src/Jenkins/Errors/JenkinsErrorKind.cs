namespace CiBridge.Jenkins.Errors;

/// <summary>Why a Jenkins call failed.</summary>
public enum JenkinsErrorKind
{
    /// <summary>No connection, reset, or the circuit breaker is open.</summary>
    Unreachable,

    /// <summary>The host name did not resolve.</summary>
    Dns,

    /// <summary>TLS handshake or certificate validation failed.</summary>
    Tls,

    /// <summary>No answer in time.</summary>
    Timeout,

    /// <summary>401.</summary>
    Unauthorized,

    /// <summary>403 (not a crumb problem).</summary>
    Forbidden,

    /// <summary>404: no such job, build or queue item (or it expired).</summary>
    NotFound,

    /// <summary>409: the job is disabled.</summary>
    Conflict,

    /// <summary>The answer did not come from a Jenkins.</summary>
    NotJenkins,

    /// <summary>Redirected to a login page.</summary>
    LoginRedirect,

    /// <summary>A request the client refused to send (e.g. an undeclared parameter).</summary>
    InvalidRequest,

    /// <summary>5xx or another unexpected answer.</summary>
    Server,

    /// <summary>The answer exceeded the client's size limit; reading stopped there.</summary>
    ResponseTooLarge,
}
