namespace CiBridge.Jenkins.Errors;

/// <summary>A failed Jenkins call. The message names the request, never credentials.</summary>
public sealed class JenkinsException : Exception
{
    /// <summary>Creates an exception.</summary>
    public JenkinsException(JenkinsErrorKind kind, string message, int? statusCode = null, Exception? inner = null)
        : base(message, inner)
    {
        Kind = kind;
        StatusCode = statusCode;
    }

    /// <summary>Why it failed.</summary>
    public JenkinsErrorKind Kind { get; }

    /// <summary>The HTTP status, when there was a response.</summary>
    public int? StatusCode { get; }

    /// <summary>For triggers: the request may have reached Jenkins (the response was lost).</summary>
    public bool OutcomeUnknown { get; init; }

    /// <summary>Worth retrying a read: no connection, timeout, or 502/503/504.</summary>
    public bool IsTransient => Kind is JenkinsErrorKind.Unreachable or JenkinsErrorKind.Timeout
        || Kind == JenkinsErrorKind.Server && StatusCode is 502 or 503 or 504;
}
