using CiBridge.Kubernetes.Crds;

namespace CiBridge.Kubernetes.Models;

/// <summary>core/v1 Secret. <see cref="Data"/> values are base64 on the wire and raw bytes here.</summary>
[KubernetesEntity("", "v1", "Secret", "secrets")]
public sealed class Secret : IKubernetesObject
{
    public string ApiVersion { get; set; } = "v1";

    public string Kind { get; set; } = "Secret";

    public ObjectMeta Metadata { get; set; } = new();

    public Dictionary<string, byte[]>? Data { get; set; }

    /// <summary>Write-only convenience: the server merges it into <see cref="Data"/>.</summary>
    public Dictionary<string, string>? StringData { get; set; }

    public string? Type { get; set; }

    public override string ToString() => $"Secret {Metadata.Namespace}/{Metadata.Name}";
}

/// <summary>core/v1 ConfigMap.</summary>
[KubernetesEntity("", "v1", "ConfigMap", "configmaps")]
public sealed class ConfigMap : IKubernetesObject
{
    public string ApiVersion { get; set; } = "v1";

    public string Kind { get; set; } = "ConfigMap";

    public ObjectMeta Metadata { get; set; } = new();

    public Dictionary<string, string>? Data { get; set; }

    public Dictionary<string, byte[]>? BinaryData { get; set; }
}

/// <summary>core/v1 Namespace (cluster-scoped).</summary>
[KubernetesEntity("", "v1", "Namespace", "namespaces", Namespaced = false)]
public sealed class Namespace : IKubernetesObject
{
    public string ApiVersion { get; set; } = "v1";

    public string Kind { get; set; } = "Namespace";

    public ObjectMeta Metadata { get; set; } = new();
}
