using System.Collections.Concurrent;
using CiBridge.Entities.JenkinsEndpoints;
using CiBridge.Entities.Validation;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Operator.Controllers.Shared;

namespace CiBridge.Operator.Controllers.Endpoints;

/// <summary>
/// When to verify an endpoint again. Verified: after <c>spec.verifyInterval</c> with ±10 % jitter,
/// so endpoints created together do not verify together. A transient failure (unreachable, 5xx):
/// 5 s doubling per consecutive failure, never beyond the interval. A failure only the user can
/// fix (401, 403, TLS, not Jenkins): only at the interval — a Secret change verifies at once
/// anyway — so a server answering 401 is never hammered. Spec problems wait for a change.
/// </summary>
internal sealed class VerifySchedule(Func<double> random)
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan s_firstRetry = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<ObjectKey, int> _failures = new();

    public ReconcileResult Next(ObjectKey key, JenkinsEndpointSpec spec, Failure? failure)
    {
        var interval = GoDuration.TryParse(spec.VerifyInterval, out var parsed) ? parsed : DefaultInterval;
        if (failure is null)
        {
            _failures.TryRemove(key, out _);
            return ReconcileResult.After(Jitter(interval));
        }
        if (failure.Reason is Entities.Conditions.EndpointReasons.InvalidSpec or Entities.Conditions.EndpointReasons.ProviderNotApproved)
        {
            return ReconcileResult.Done;
        }
        if (failure.Stalled) return ReconcileResult.After(Jitter(interval));
        var count = _failures.AddOrUpdate(key, 1, (_, n) => Math.Min(n + 1, 20));
        var backoff = TimeSpan.FromTicks(Math.Min(s_firstRetry.Ticks << Math.Min(count - 1, 16), interval.Ticks));
        return ReconcileResult.After(backoff);
    }

    public void Forget(ObjectKey key) => _failures.TryRemove(key, out _);

    private TimeSpan Jitter(TimeSpan interval) => interval * (0.9 + (0.2 * random()));
}
