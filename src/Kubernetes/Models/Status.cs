namespace CiBridge.Kubernetes.Models;

/// <summary>The API server's answer to a failed request (<c>metav1.Status</c>).</summary>
public sealed class Status
{
    public string? ApiVersion { get; set; }

    public string? Kind { get; set; }

    /// <summary><c>Success</c> or <c>Failure</c> (JSON name <c>status</c>).</summary>
    [System.Text.Json.Serialization.JsonPropertyName("status")]
    public string? Phase { get; set; }

    public string? Message { get; set; }

    /// <summary>A CamelCase reason such as <c>NotFound</c>, <c>AlreadyExists</c>, <c>Conflict</c>, <c>Expired</c>.</summary>
    public string? Reason { get; set; }

    public int? Code { get; set; }

    public StatusDetails? Details { get; set; }
}

/// <summary>More about a <see cref="Status"/>: which object, and which fields were wrong.</summary>
public sealed class StatusDetails
{
    public string? Name { get; set; }

    public string? Group { get; set; }

    public string? Kind { get; set; }

    public string? Uid { get; set; }

    public List<StatusCause>? Causes { get; set; }

    public int? RetryAfterSeconds { get; set; }
}

/// <summary>One reason a request failed, often naming a field (<c>metav1.StatusCause</c>).</summary>
public sealed class StatusCause
{
    /// <summary>Machine-readable cause, such as <c>FieldValueInvalid</c> (JSON name <c>reason</c>).</summary>
    public string? Reason { get; set; }

    public string? Message { get; set; }

    /// <summary>The field path, such as <c>spec.url</c>.</summary>
    public string? Field { get; set; }
}
