namespace CiBridge.Operator.Controllers.Tasks;

/// <summary>
/// What <see cref="TriggerRecovery"/> found for a run whose trigger may have reached Jenkins: the
/// queue item or build to adopt, a time to look again, or nothing (trigger again).
/// </summary>
internal sealed record EarlierTrigger(long? QueueItemId, int? BuildNumber, TimeSpan? LookAgainIn)
{
    public static EarlierTrigger None { get; } = new(null, null, null);

    public static EarlierTrigger Found(long? queueItemId, int? buildNumber) => new(queueItemId, buildNumber, null);

    public static EarlierTrigger WaitFor(TimeSpan delay) => new(null, null, delay);

    public bool IsFound => QueueItemId is not null || BuildNumber is not null;
}
