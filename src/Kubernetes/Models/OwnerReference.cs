namespace CiBridge.Kubernetes.Models;

/// <summary>Points at the object that owns this one (garbage collection follows it).</summary>
public sealed class OwnerReference
{
    public required string ApiVersion { get; set; }

    public required string Kind { get; set; }

    public required string Name { get; set; }

    public required string Uid { get; set; }

    public bool? Controller { get; set; }

    public bool? BlockOwnerDeletion { get; set; }
}
