namespace CiBridge.Sandbox.Jenkins.Faults;

/// <summary>A fault applied to matching requests.</summary>
/// <param name="Kind">What goes wrong.</param>
/// <param name="PathContains">Only requests whose path contains this; null matches all.</param>
/// <param name="Method">Only this HTTP method (GET, POST); null matches all.</param>
/// <param name="Times">How many requests it hits; null for every one until cleared.</param>
/// <param name="Latency">For <see cref="FaultKind.Latency"/>: the delay.</param>
/// <param name="Probability">Share of matching requests hit, 0 to 1, drawn from the stand-in's seeded random source.</param>
public sealed record StandInFault(FaultKind Kind, string? PathContains = null, string? Method = null, int? Times = null, TimeSpan Latency = default, double Probability = 1)
{
    /// <summary>Throws <see cref="ArgumentException"/> naming what is out of range.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(Kind)) throw new ArgumentException($"kind {Kind} is unknown");
        if (Probability is < 0 or > 1 || double.IsNaN(Probability)) throw new ArgumentException($"probability must be between 0 and 1, not {Probability}");
        if (Times is < 1) throw new ArgumentException($"times must be at least 1, not {Times}");
        if (Latency < TimeSpan.Zero) throw new ArgumentException("latency must not be negative");
    }

    /// <summary>Kinds that let the request act on the stand-in first and spoil only the answer.</summary>
    public bool AfterHandling => Kind is FaultKind.ResetAfterHandling or FaultKind.BadGatewayAfterHandling or FaultKind.HangAfterHandling;
}
