using System.Collections.Concurrent;
using CiBridge.Entities.Conditions;
using CiBridge.Entities.JenkinsEndpoints;
using CiBridge.Entities.Validation;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Models;

namespace CiBridge.Operator.Controllers.Endpoints;

/// <summary>
/// When to verify an endpoint against Jenkins. It is due when a user asked for it (an unanswered
/// <see cref="VerifyRequest"/>), when this process has not verified it yet, when its spec changed
/// (<c>observedGeneration</c> is behind), when the Secret or CA bundle it reads changed, when its
/// status holds no verification result (an earlier step stopped it) or not the last one (its write
/// failed), after a transient failure (the work queue's back-off paces that retry), or when its
/// interval passed (<c>spec.verifyInterval</c> ± 10 %, so endpoints created together do not verify
/// together).
/// Never because of its own status write: that changes none of these.
/// </summary>
internal sealed class VerifySchedule(TimeProvider time, Func<double> random)
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(5);

    /// <summary>Ready reasons that only a verification sets.</summary>
    private static readonly HashSet<string> s_verificationReasons =
    [
        EndpointReasons.Verified, EndpointReasons.Unreachable, EndpointReasons.TlsError,
        EndpointReasons.AuthenticationFailed, EndpointReasons.Forbidden, EndpointReasons.NotJenkins,
    ];

    private readonly ConcurrentDictionary<ObjectKey, Attempt> _attempts = new();

    /// <summary>Whether to verify now, and why; or how long until it is due.</summary>
    /// <param name="key">The endpoint.</param>
    /// <param name="endpoint">As read (its generation and status).</param>
    /// <param name="sourceVersion">The version of its credentials (<see cref="Shared.EndpointSettings.SourceVersion"/>).</param>
    public VerifyDue Check(ObjectKey key, JenkinsEndpoint endpoint, string sourceVersion)
    {
        if (VerifyRequest.Pending(endpoint) is not null) return VerifyDue.Now("a verification was requested");
        if (!_attempts.TryGetValue(key, out var last)) return VerifyDue.Now("not verified since the operator started");
        if (endpoint.Status?.ObservedGeneration != endpoint.Metadata.Generation) return VerifyDue.Now("the spec changed");
        if (last.SourceVersion != sourceVersion) return VerifyDue.Now("the credentials changed");
        var ready = Conditions.Find(endpoint.Status?.Conditions, ConditionTypes.Ready);
        if (ready is null || !s_verificationReasons.Contains(ready.Reason)) return VerifyDue.Now("the status holds no verification");
        if (ready.Reason != last.Reason || (last.Reason == EndpointReasons.Verified && endpoint.Status?.LastVerifiedTime < KubernetesTimeConverter.Truncate(last.At)))
        {
            return VerifyDue.Now("the last result was not written");
        }
        if (last.Wait == TimeSpan.Zero) return VerifyDue.Now("the last attempt failed");
        var dueAt = last.At + last.Wait;
        var now = time.GetUtcNow();
        return dueAt <= now ? VerifyDue.Now("the interval passed") : VerifyDue.Later(dueAt - now);
    }

    /// <summary>Records a verification attempt; returns how long until the next one is due.</summary>
    /// <param name="key">The endpoint.</param>
    /// <param name="spec">Its spec (the interval).</param>
    /// <param name="sourceVersion">The version of the credentials it was verified with.</param>
    /// <param name="reason">The Ready reason the attempt gave; if the status does not show it, the write was lost and it is due again.</param>
    /// <param name="transientFailure">True when it failed in a way worth retrying soon (then the work queue paces it).</param>
    public TimeSpan Record(ObjectKey key, JenkinsEndpointSpec spec, string sourceVersion, string reason, bool transientFailure)
    {
        var wait = transientFailure ? TimeSpan.Zero : Interval(spec) * (0.9 + (0.2 * random()));
        _attempts[key] = new Attempt(sourceVersion, time.GetUtcNow(), wait, reason);
        return wait;
    }

    /// <summary>Forgets a deleted endpoint.</summary>
    public void Forget(ObjectKey key) => _attempts.TryRemove(key, out _);

    public static TimeSpan Interval(JenkinsEndpointSpec spec) =>
        GoDuration.TryParse(spec.VerifyInterval, out var parsed) ? parsed : DefaultInterval;

    private sealed record Attempt(string SourceVersion, DateTimeOffset At, TimeSpan Wait, string Reason);
}

/// <summary>A verification is due now (<see cref="Reason"/> says why), or after <see cref="Wait"/>.</summary>
internal sealed record VerifyDue(string? Reason, TimeSpan Wait)
{
    public bool IsDue => Reason is not null;

    public static VerifyDue Now(string reason) => new(reason, TimeSpan.Zero);

    public static VerifyDue Later(TimeSpan wait) => new(null, wait);
}
