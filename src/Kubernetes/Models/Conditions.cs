namespace CiBridge.Kubernetes.Models;

/// <summary>
/// Reads and sets standard conditions the way fluxcd/pkg's setter does: <c>lastTransitionTime</c>
/// moves only when <c>status</c> changes, each condition carries the generation it describes, and
/// long messages are trimmed.
/// </summary>
public static class Conditions
{
    public const int MaxMessageLength = 1024;

    public static Condition? Find(IEnumerable<Condition>? conditions, string type) =>
        conditions?.FirstOrDefault(c => c.Type == type);

    public static bool IsTrue(IEnumerable<Condition>? conditions, string type) =>
        StatusOf(conditions, type) == ConditionStatus.True;

    /// <summary>The condition's status, or null when it is absent or holds a value this code does not know.</summary>
    public static ConditionStatus? StatusOf(IEnumerable<Condition>? conditions, string type) =>
        Find(conditions, type)?.Status switch
        {
            nameof(ConditionStatus.True) => ConditionStatus.True,
            nameof(ConditionStatus.False) => ConditionStatus.False,
            nameof(ConditionStatus.Unknown) => ConditionStatus.Unknown,
            _ => null,
        };

    /// <summary>Sets a condition from its parts; returns true when anything about it changed.</summary>
    public static bool Set(List<Condition> conditions, string type, ConditionStatus status, string reason, string message, long? generation, DateTimeOffset now) =>
        Set(conditions, new Condition { Type = type, Status = status.ToString(), Reason = reason, Message = message, ObservedGeneration = generation }, now);

    /// <summary>
    /// For the abnormal-true conditions of kstatus (Reconciling, Stalled): sets it True with the
    /// reason when <paramref name="present"/>, removes it otherwise.
    /// </summary>
    public static bool SetOrRemove(List<Condition> conditions, string type, bool present, string reason, string message, long? generation, DateTimeOffset now) =>
        present ? Set(conditions, type, ConditionStatus.True, reason, message, generation, now) : Remove(conditions, type);

    /// <summary>Sets a condition; returns true when anything about it changed.</summary>
    public static bool Set(List<Condition> conditions, Condition wanted, DateTimeOffset now)
    {
        var message = Trim(wanted.Message);
        var existing = Find(conditions, wanted.Type);
        if (existing is null)
        {
            conditions.Add(new Condition
            {
                Type = wanted.Type,
                Status = wanted.Status,
                Reason = wanted.Reason,
                Message = message,
                ObservedGeneration = wanted.ObservedGeneration,
                LastTransitionTime = KubernetesTimeConverter.Truncate(now),
            });
            return true;
        }
        var changed = existing.Status != wanted.Status || existing.Reason != wanted.Reason
            || existing.Message != message || existing.ObservedGeneration != wanted.ObservedGeneration;
        if (existing.Status != wanted.Status) existing.LastTransitionTime = KubernetesTimeConverter.Truncate(now);
        existing.Status = wanted.Status;
        existing.Reason = wanted.Reason;
        existing.Message = message;
        existing.ObservedGeneration = wanted.ObservedGeneration;
        return changed;
    }

    /// <summary>Removes a condition (kstatus: Reconciling and Stalled are absent unless True).</summary>
    public static bool Remove(List<Condition> conditions, string type) => conditions.RemoveAll(c => c.Type == type) > 0;

    private static string Trim(string message) =>
        message.Length <= MaxMessageLength ? message : message[..(MaxMessageLength - 1)] + "…";
}
