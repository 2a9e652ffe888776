using System.ComponentModel.DataAnnotations;

namespace CiBridge.Kubernetes.LeaderElection;

/// <summary>Leader election on a coordination.k8s.io/v1 Lease, with client-go's defaults.</summary>
public sealed class LeaderElectionOptions
{
    /// <summary>Name of the Lease.</summary>
    [Required]
    public string LeaseName { get; set; } = "";

    /// <summary>Namespace of the Lease (usually the operator's own).</summary>
    [Required]
    public string LeaseNamespace { get; set; } = "";

    /// <summary>This replica's name in the Lease.</summary>
    /// <value>Defaults to the host name plus a random suffix.</value>
    public string Identity { get; set; } = $"{Environment.MachineName}_{Guid.NewGuid():N}";

    /// <summary>How long others wait after the last renewal before they take over.</summary>
    /// <value>Defaults to 15 seconds.</value>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long the leader keeps trying to renew before it gives up leading.</summary>
    /// <value>Defaults to 10 seconds.</value>
    public TimeSpan RenewDeadline { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long to wait between attempts to acquire or renew.</summary>
    /// <value>Defaults to 2 seconds.</value>
    public TimeSpan RetryPeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Give the Lease up on shutdown so another replica leads at once.</summary>
    /// <value>Defaults to true.</value>
    public bool ReleaseOnCancel { get; set; } = true;

    /// <summary>client-go's <c>JitterFactor</c>: acquire attempts wait up to this much longer, at random.</summary>
    public const double JitterFactor = 1.2;

    /// <summary>Checks client-go's rules: lease duration &gt; renew deadline &gt; jitter × retry period &gt; 0.</summary>
    /// <exception cref="ArgumentException">The options break a rule; the message says which.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(LeaseName)) throw new ArgumentException("LeaseName is required");
        if (string.IsNullOrWhiteSpace(LeaseNamespace)) throw new ArgumentException("LeaseNamespace is required");
        if (string.IsNullOrWhiteSpace(Identity)) throw new ArgumentException("Identity is required");
        if (RetryPeriod <= TimeSpan.Zero) throw new ArgumentException("RetryPeriod must be greater than zero");
        if (LeaseDuration <= RenewDeadline) throw new ArgumentException("LeaseDuration must be greater than RenewDeadline");
        if (RenewDeadline <= RetryPeriod * JitterFactor) throw new ArgumentException($"RenewDeadline must be greater than RetryPeriod*{JitterFactor}");
    }
}
