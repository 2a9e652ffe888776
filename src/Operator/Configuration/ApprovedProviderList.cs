using CiBridge.Entities.Validation;

namespace CiBridge.Operator.Configuration;

/// <summary>
/// The provider kinds approved right now. The webhook and both controllers ask
/// <see cref="Current"/> on every decision, so a change of the list (the chart's ConfigMap, see
/// <see cref="ApprovedProvidersWatcher"/>) applies without a restart.
/// </summary>
public sealed class ApprovedProviderList(ApprovedProviders initial)
{
    private ApprovedProviders _current = initial;

    public ApprovedProviders Current => Volatile.Read(ref _current);

    /// <summary>Raised after <see cref="Current"/> changed, so objects can be checked against the new list.</summary>
    public event Action? Changed;

    /// <summary>Makes <paramref name="next"/> current; false (and no <see cref="Changed"/>) when it holds the same kinds.</summary>
    public bool Replace(ApprovedProviders next)
    {
        if (next.Describe() == Current.Describe()) return false;
        Volatile.Write(ref _current, next);
        Changed?.Invoke();
        return true;
    }
}
