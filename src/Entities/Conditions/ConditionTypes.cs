namespace CiBridge.Entities.Conditions;

/// <summary>Condition types on both kinds (kstatus: Ready summarizes; Reconciling/Stalled only when True).</summary>
public static class ConditionTypes
{
    public const string Ready = "Ready";
    public const string Succeeded = "Succeeded";
    public const string Reconciling = "Reconciling";
    public const string Stalled = "Stalled";
}
