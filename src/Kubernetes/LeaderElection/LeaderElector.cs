using System.Security.Cryptography;
using CiBridge.Kubernetes.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CiBridge.Kubernetes.LeaderElection;

/// <summary>Runs work only while this replica holds the Lease.</summary>
public interface ILeaderElector
{
    bool IsLeader { get; }

    /// <summary>
    /// 1. Acquire: try every retry period (with jitter) until this replica holds the Lease.
    /// 2. Lead: start <paramref name="onStartedLeading"/> with a token that is cancelled when leading ends.
    /// 3. Renew: every retry period; if renewing keeps failing for the renew deadline, leading ends.
    /// 4. Stop: wait for the leading work, release the Lease on shutdown, and always call
    ///    <paramref name="onStoppedLeading"/>. Returns after leading ends or <paramref name="ct"/> is cancelled.
    /// </summary>
    Task RunAsync(Func<CancellationToken, Task> onStartedLeading, Action onStoppedLeading, CancellationToken ct);
}

/// <summary>Creates leader electors.</summary>
public static class LeaderElector
{
    public static ILeaderElector Create(IKubernetesClient client, LeaderElectionOptions options, TimeProvider time, ILogger? logger = null)
    {
        options.Validate();
        return new LeaseLeaderElector(new KubernetesLeaseLock(client, options.LeaseNamespace, options.LeaseName), options, time, logger ?? NullLogger.Instance);
    }
}

/// <summary>client-go's <c>leaderelection.LeaderElector</c> on an <see cref="ILeaseLock"/>.</summary>
internal sealed partial class LeaseLeaderElector(ILeaseLock leaseLock, LeaderElectionOptions options, TimeProvider time, ILogger logger)
    : ILeaderElector
{
    private LeaseRecord? _observed;
    private long _observedAt;
    private volatile bool _leading;

    public bool IsLeader => _leading;

    public async Task RunAsync(Func<CancellationToken, Task> onStartedLeading, Action onStoppedLeading, CancellationToken ct)
    {
        try
        {
            if (!await AcquireAsync(ct)) return;
            _leading = true;
            LogAcquired(logger, options.Identity, options.LeaseNamespace, options.LeaseName);
            using var leading = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var work = Task.Run(() => onStartedLeading(leading.Token), CancellationToken.None);
            try
            {
                await RenewAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Shutdown while a renewal was in flight: stop leading and release below.
            }
            _leading = false;
            await leading.CancelAsync();
            await SwallowAsync(work);
            if (ct.IsCancellationRequested && options.ReleaseOnCancel) await ReleaseAsync();
        }
        finally
        {
            _leading = false;
            onStoppedLeading();
        }
    }

    /// <summary>Step 1; false when cancelled first.</summary>
    private async Task<bool> AcquireAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (await TryAcquireOrRenewAsync(ct)) return true;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return false;
            }
            var jitter = 1 + ((LeaderElectionOptions.JitterFactor - 1) * RandomNumberGenerator.GetInt32(1000) / 1000.0);
            if (!await DelayAsync(options.RetryPeriod * jitter, ct)) return false;
        }
        return false;
    }

    /// <summary>Step 3: returns when a renewal deadline passed or <paramref name="ct"/> was cancelled.</summary>
    private async Task RenewAsync(CancellationToken ct)
    {
        while (await DelayAsync(options.RetryPeriod, ct))
        {
            var deadline = time.GetTimestamp();
            var renewed = false;
            while (!renewed && time.GetElapsedTime(deadline) is var spent && spent < options.RenewDeadline)
            {
                renewed = await TryRenewBeforeAsync(options.RenewDeadline - spent, ct);
                if (!renewed && !await DelayAsync(options.RetryPeriod, ct)) return;
            }
            if (!renewed)
            {
                LogLost(logger, options.Identity, options.LeaseNamespace, options.LeaseName);
                return;
            }
        }
    }

    /// <summary>One renewal attempt that may not outlast the renew deadline.</summary>
    private async Task<bool> TryRenewBeforeAsync(TimeSpan left, CancellationToken ct)
    {
        using var attempt = new CancellationTokenSource(left, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, attempt.Token);
        try
        {
            return await TryAcquireOrRenewAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>One attempt: create the Lease, renew our own, or take over an expired one.</summary>
    internal async Task<bool> TryAcquireOrRenewAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        try
        {
            var current = await leaseLock.GetAsync(ct);
            if (current is not { } old)
            {
                var fresh = new LeaseRecord(options.Identity, options.LeaseDuration, now, now, 0);
                return await leaseLock.CreateAsync(fresh, ct) && Observe(fresh);
            }
            if (_observed != old)
            {
                // Expiry is judged by our own clock from when we first saw this record, never by
                // the holder's timestamps, so clock skew between replicas does not matter.
                _observed = old;
                _observedAt = time.GetTimestamp();
            }
            var ours = old.HolderIdentity == options.Identity;
            if (!ours && old.HolderIdentity.Length > 0 && time.GetElapsedTime(_observedAt) < old.LeaseDuration) return false;
            var next = new LeaseRecord(options.Identity, options.LeaseDuration,
                ours ? old.AcquireTime : now, now, ours ? old.LeaseTransitions : old.LeaseTransitions + 1);
            return await leaseLock.UpdateAsync(next, ct) && Observe(next);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            LogAttemptFailed(logger, options.LeaseNamespace, options.LeaseName, e);
            return false;
        }
    }

    private bool Observe(LeaseRecord record)
    {
        _observed = record;
        _observedAt = time.GetTimestamp();
        return true;
    }

    private async Task ReleaseAsync()
    {
        if (_observed is not { } held || held.HolderIdentity != options.Identity) return;
        using var timeout = new CancellationTokenSource(options.RenewDeadline, time);
        try
        {
            var now = time.GetUtcNow();
            await leaseLock.GetAsync(timeout.Token);
            await leaseLock.UpdateAsync(new LeaseRecord("", TimeSpan.FromSeconds(1), now, now, held.LeaseTransitions), timeout.Token);
        }
        catch (Exception e)
        {
            LogAttemptFailed(logger, options.LeaseNamespace, options.LeaseName, e);
        }
    }

    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken ct)
    {
        try
        {
            await Task.Delay(delay, time, ct);
            return true;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task SwallowAsync(Task work)
    {
        try
        {
            await work;
        }
        catch (Exception e)
        {
            LogWorkFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Identity} became leader on Lease {Namespace}/{Name}")]
    private static partial void LogAcquired(ILogger logger, string identity, string @namespace, string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Identity} lost the Lease {Namespace}/{Name}: renewing failed for the whole renew deadline")]
    private static partial void LogLost(ILogger logger, string identity, string @namespace, string name);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Acquiring or renewing Lease {Namespace}/{Name} failed")]
    private static partial void LogAttemptFailed(ILogger logger, string @namespace, string name, Exception error);

    [LoggerMessage(Level = LogLevel.Error, Message = "The work run while leading failed")]
    private static partial void LogWorkFailed(ILogger logger, Exception error);
}
