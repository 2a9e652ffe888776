namespace CiBridge.Operator.Benchmarks;

/// <summary>What the run measured about the objects that existed before the operator started (<see cref="Preload"/>).</summary>
internal sealed class PreloadFigures
{
    /// <summary>How long the harness took to create them (not an operator figure).</summary>
    public TimeSpan Created { get; set; }

    /// <summary>What a bare client takes to list every kind the operator caches, just before the operator starts.</summary>
    public TimeSpan ListFloor { get; set; }

    /// <summary>From /readyz until every preloaded endpoint was verified and the writes settled.</summary>
    public TimeSpan Settled { get; set; }

    /// <summary>Operator requests to the API server from its start until settled, by "verb resource".</summary>
    public IReadOnlyDictionary<string, long> StartRequests { get; set; } = new Dictionary<string, long>();

    /// <summary>VmRSS once settled, before the first reaction sample.</summary>
    public long SettledResidentBytes { get; set; }
}
