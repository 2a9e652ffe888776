namespace CiBridge.Kubernetes.Crds;

/// <summary>Marks a class as a custom resource and names it for the API server.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class KubernetesEntityAttribute(string group, string version, string kind, string plural) : Attribute
{
    public string Group { get; } = group;

    public string Version { get; } = version;

    public string Kind { get; } = kind;

    public string Plural { get; } = plural;

    public string ApiVersion => $"{Group}/{Version}";

    /// <summary>Short names for kubectl (<c>kubectl get je</c>).</summary>
    public string[] ShortNames { get; init; } = [];

    /// <summary>Categories (<c>kubectl get cibridge</c>).</summary>
    public string[] Categories { get; init; } = [];

    /// <value>Defaults to <c>true</c>; cluster-scoped kinds set it to <c>false</c>.</value>
    public bool Namespaced { get; init; } = true;
}
