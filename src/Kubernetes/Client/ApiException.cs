using CiBridge.Kubernetes.Models;

namespace CiBridge.Kubernetes.Client;

/// <summary>
/// The API server refused a request. Carries the HTTP code and, when the server sent one, its
/// <see cref="Models.Status"/> (reason and causes). Messages never include request bodies.
/// </summary>
public sealed class ApiException : Exception
{
    public ApiException(int statusCode, Status? status, string? fallbackMessage = null)
        : base(Describe(statusCode, status, fallbackMessage))
    {
        StatusCode = statusCode;
        Status = status;
    }

    public ApiException()
    {
    }

    public ApiException(string message) : base(message)
    {
    }

    public ApiException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>The HTTP status code (or the Status code of a watch ERROR event).</summary>
    public int StatusCode { get; }

    public Status? Status { get; }

    /// <summary>The Status reason, such as <c>Conflict</c>, <c>NotFound</c>, <c>Invalid</c>, <c>Expired</c>.</summary>
    public string? Reason => Status?.Reason;

    public IReadOnlyList<StatusCause> Causes => Status?.Details?.Causes ?? [];

    public bool IsNotFound => StatusCode == 404;

    public bool IsConflict => StatusCode == 409 && Reason != "AlreadyExists";

    public bool IsAlreadyExists => StatusCode == 409 && Reason == "AlreadyExists";

    /// <summary>410 Gone / <c>Expired</c>: the resourceVersion is too old to watch from; relist.</summary>
    public bool IsGone => StatusCode == 410 || Reason is "Expired" or "Gone";

    private static string Describe(int code, Status? status, string? fallback)
    {
        var reason = status?.Reason is { Length: > 0 } r ? $" {r}" : "";
        var message = status?.Message is { Length: > 0 } m ? m : fallback ?? "no details";
        return $"Kubernetes API error {code}{reason}: {message}";
    }
}
