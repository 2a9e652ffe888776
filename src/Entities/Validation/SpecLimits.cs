namespace CiBridge.Entities.Validation;

/// <summary>
/// The largest values the operator accepts for its duration settings, checked by the admission
/// webhook and by the controllers (docs/api.md, "Limits"). They keep every wait the operator
/// schedules far below what a timer can hold (about 49.7 days).
/// </summary>
public static class SpecLimits
{
    /// <value>24 hours: an endpoint is verified at least daily.</value>
    public static readonly TimeSpan MaxVerifyInterval = TimeSpan.FromHours(24);

    /// <value>7 days: the longest a run may take, queue time included.</value>
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromDays(7);
}
