namespace CiBridge.Jenkins.Models;

/// <summary>A build's state.</summary>
/// <param name="Number">Build number.</param>
/// <param name="QueueId">The queue item it came from.</param>
/// <param name="Building">True until the result is final.</param>
/// <param name="Result">One of <see cref="BuildResults"/>; null while building.</param>
/// <param name="Duration">Duration (zero while building).</param>
/// <param name="StartedAt">Start time.</param>
/// <param name="EstimatedDuration">Jenkins' estimate, if it has one.</param>
/// <param name="Url">The build URL as Jenkins reports it.</param>
/// <param name="Parameters">Parameter values (password values are not exported).</param>
/// <param name="GitRevision">SHA-1 the git plugin built, when it reports one.</param>
public sealed record BuildInfo(
    int Number,
    long? QueueId,
    bool Building,
    string? Result,
    TimeSpan Duration,
    DateTimeOffset StartedAt,
    TimeSpan? EstimatedDuration,
    Uri? Url,
    IReadOnlyDictionary<string, string> Parameters,
    string? GitRevision);
