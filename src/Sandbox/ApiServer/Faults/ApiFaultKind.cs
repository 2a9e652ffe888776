namespace CiBridge.Sandbox.ApiServer.Faults;

/// <summary>What an injected API server fault does to a matching request.</summary>
public enum ApiFaultKind
{
    /// <summary>Answer with <see cref="ApiFault.Status"/> (409, 429, 500, 503 or 504) as a kube <c>Status</c>, without acting.</summary>
    Error,

    /// <summary>Wait <see cref="ApiFault.Delay"/> on the server's clock, then serve the request normally.</summary>
    Latency,

    /// <summary>For watches: end the stream cleanly after a random time between zero and <see cref="ApiFault.Delay"/>.</summary>
    CloseWatch,

    /// <summary>For watches that resume from a resourceVersion: one ERROR event with 410 Expired, as for a compacted version.</summary>
    ExpireWatch,
}
