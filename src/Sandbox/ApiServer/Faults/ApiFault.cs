namespace CiBridge.Sandbox.ApiServer.Faults;

/// <summary>One fault rule of the sandbox API server.</summary>
public sealed record ApiFault
{
    /// <summary>What goes wrong.</summary>
    public required ApiFaultKind Kind { get; init; }

    /// <summary>Only this kube verb (get, list, watch, create, update, patch, delete, deletecollection). <value>Default null: every verb.</value></summary>
    public string? Verb { get; init; }

    /// <summary>Only this resource, as in RBAC rules: <c>citasks</c>, <c>citasks/status</c>, <c>leases</c>. <value>Default null: every resource.</value></summary>
    public string? Resource { get; init; }

    /// <summary>Share of matching requests hit, 0 to 1, drawn from the seeded random source. <value>Default 1.</value></summary>
    public double Probability { get; init; } = 1;

    /// <summary>How many requests it hits before it is used up. <value>Default null: until cleared.</value></summary>
    public int? Times { get; init; }

    /// <summary>For <see cref="ApiFaultKind.Error"/>: the HTTP status. <value>Default 500.</value></summary>
    public int Status { get; init; } = 500;

    /// <summary>For a 429: the <c>Retry-After</c> the client is told to wait. <value>Default 1 s.</value></summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>For <see cref="ApiFaultKind.Latency"/> the delay; for <see cref="ApiFaultKind.CloseWatch"/> the longest a watch stays open. <value>Default 1 s.</value></summary>
    public TimeSpan Delay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Statuses an <see cref="ApiFaultKind.Error"/> may carry: the ones kube-apiserver gives under load or contention.</summary>
    public static IReadOnlyList<int> ErrorStatuses { get; } = [409, 429, 500, 503, 504];

    /// <summary>Throws <see cref="ArgumentException"/> naming the field that is out of range.</summary>
    public void Validate()
    {
        if (Probability is < 0 or > 1 || double.IsNaN(Probability)) throw new ArgumentException($"probability must be between 0 and 1, not {Probability}");
        if (Times is < 1) throw new ArgumentException($"times must be at least 1, not {Times}");
        if (Kind == ApiFaultKind.Error && !ErrorStatuses.Contains(Status)) throw new ArgumentException($"status must be one of {string.Join(", ", ErrorStatuses)}, not {Status}");
        if (Delay < TimeSpan.Zero || RetryAfter < TimeSpan.Zero) throw new ArgumentException("delay and retryAfter must not be negative");
    }

    internal bool Matches(string verb, string resource) =>
        (Verb is null || string.Equals(Verb, verb, StringComparison.OrdinalIgnoreCase))
        && (Resource is null || Resource == "*" || string.Equals(Resource, resource, StringComparison.OrdinalIgnoreCase));
}
