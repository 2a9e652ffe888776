namespace CiBridge.Sandbox.Jenkins.Model;

/// <summary>A build the stand-in started, as tests read it back.</summary>
/// <param name="JobPath">Full job name, folders separated by '/'.</param>
/// <param name="Number">Build number.</param>
/// <param name="QueueId">The queue item it came from.</param>
/// <param name="Parameters">Parameter values (defaults filled in).</param>
/// <param name="Result">Result, null while building.</param>
/// <param name="TriggeredBy">User ids of the causes (one per coalesced request; "anonymous" for an anonymous trigger).</param>
public sealed record ReceivedBuild(
    string JobPath,
    int Number,
    long QueueId,
    IReadOnlyDictionary<string, string> Parameters,
    string? Result,
    IReadOnlyList<string> TriggeredBy);
