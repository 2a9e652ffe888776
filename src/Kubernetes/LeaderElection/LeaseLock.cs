using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Models;

namespace CiBridge.Kubernetes.LeaderElection;

/// <summary>What a Lease says about its holder (client-go's <c>LeaderElectionRecord</c>).</summary>
internal readonly record struct LeaseRecord(
    string HolderIdentity, TimeSpan LeaseDuration, DateTimeOffset AcquireTime, DateTimeOffset RenewTime, int LeaseTransitions);

/// <summary>Reads and writes the lock object with optimistic concurrency (client-go's <c>resourcelock.Interface</c>).</summary>
internal interface ILeaseLock
{
    /// <summary>The current record, or null when the Lease does not exist.</summary>
    Task<LeaseRecord?> GetAsync(CancellationToken ct);

    /// <summary>False when someone else created it first.</summary>
    Task<bool> CreateAsync(LeaseRecord record, CancellationToken ct);

    /// <summary>False when the Lease changed since <see cref="GetAsync"/> read it (409 Conflict).</summary>
    Task<bool> UpdateAsync(LeaseRecord record, CancellationToken ct);
}

/// <summary>The lock on a coordination.k8s.io/v1 Lease.</summary>
internal sealed class KubernetesLeaseLock(IKubernetesClient client, string ns, string name) : ILeaseLock
{
    private Lease? _last;

    public async Task<LeaseRecord?> GetAsync(CancellationToken ct)
    {
        _last = await client.GetAsync<Lease>(new ObjectKey(ns, name), ct);
        if (_last is null) return null;
        var spec = _last.Spec;
        return new LeaseRecord(
            spec.HolderIdentity ?? "",
            TimeSpan.FromSeconds(spec.LeaseDurationSeconds ?? 0),
            spec.AcquireTime ?? default,
            spec.RenewTime ?? default,
            spec.LeaseTransitions ?? 0);
    }

    public async Task<bool> CreateAsync(LeaseRecord record, CancellationToken ct)
    {
        try
        {
            _last = await client.CreateAsync(new Lease { Metadata = new ObjectMeta { Name = name, Namespace = ns }, Spec = Spec(record) }, ct);
            return true;
        }
        catch (ApiException e) when (e.IsAlreadyExists || e.IsConflict)
        {
            return false;
        }
    }

    public async Task<bool> UpdateAsync(LeaseRecord record, CancellationToken ct)
    {
        if (_last is null) return false;
        _last.Spec = Spec(record);
        try
        {
            _last = await client.ReplaceAsync(_last, ct);
            return true;
        }
        catch (ApiException e) when (e.IsConflict || e.IsNotFound)
        {
            return false;
        }
    }

    private static LeaseSpec Spec(LeaseRecord record) => new()
    {
        HolderIdentity = record.HolderIdentity,
        LeaseDurationSeconds = (int)Math.Ceiling(record.LeaseDuration.TotalSeconds),
        AcquireTime = record.AcquireTime,
        RenewTime = record.RenewTime,
        LeaseTransitions = record.LeaseTransitions,
    };
}
