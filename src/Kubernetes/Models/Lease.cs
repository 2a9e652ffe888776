using System.Text.Json.Serialization;
using CiBridge.Kubernetes.Crds;

namespace CiBridge.Kubernetes.Models;

/// <summary>coordination.k8s.io/v1 Lease, the lock behind leader election.</summary>
[KubernetesEntity("coordination.k8s.io", "v1", "Lease", "leases")]
public sealed class Lease : IKubernetesObject
{
    public string ApiVersion { get; set; } = "coordination.k8s.io/v1";

    public string Kind { get; set; } = "Lease";

    public ObjectMeta Metadata { get; set; } = new();

    public LeaseSpec Spec { get; set; } = new();
}

/// <summary>Who holds a <see cref="Lease"/> and until when.</summary>
public sealed class LeaseSpec
{
    public string? HolderIdentity { get; set; }

    public int? LeaseDurationSeconds { get; set; }

    [JsonConverter(typeof(KubernetesMicroTimeConverter))]
    public DateTimeOffset? AcquireTime { get; set; }

    [JsonConverter(typeof(KubernetesMicroTimeConverter))]
    public DateTimeOffset? RenewTime { get; set; }

    public int? LeaseTransitions { get; set; }
}
