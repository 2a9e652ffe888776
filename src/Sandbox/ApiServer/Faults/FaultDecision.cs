namespace CiBridge.Sandbox.ApiServer.Faults;

/// <summary>What happens to one request: a delay first, then at most one fault that ends or shapes it.</summary>
internal sealed record FaultDecision(TimeSpan Latency, ApiFault? Terminal, TimeSpan CloseAfter)
{
    public static readonly FaultDecision None = new(TimeSpan.Zero, null, TimeSpan.Zero);
}
