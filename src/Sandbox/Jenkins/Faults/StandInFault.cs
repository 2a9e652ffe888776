namespace CiBridge.Sandbox.Jenkins.Faults;

/// <summary>A fault applied to matching requests.</summary>
/// <param name="Kind">What goes wrong.</param>
/// <param name="PathContains">Only requests whose path contains this; null matches all.</param>
/// <param name="Method">Only this HTTP method (GET, POST); null matches all.</param>
/// <param name="Times">How many requests it hits; null for every one until cleared.</param>
/// <param name="Latency">For <see cref="FaultKind.Latency"/>: the delay.</param>
public sealed record StandInFault(FaultKind Kind, string? PathContains = null, string? Method = null, int? Times = null, TimeSpan Latency = default);
