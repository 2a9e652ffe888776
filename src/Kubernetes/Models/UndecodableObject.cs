namespace CiBridge.Kubernetes.Models;

/// <summary>
/// An object the server returned that does not fit our type (for example <c>"retries": 3.0</c>
/// stored by a server that does not normalise numbers). Only its identity is known: enough to log
/// it, to attach an Event to it and to forget it when it is deleted.
/// </summary>
public sealed class UndecodableObject : IKubernetesObject
{
    public string ApiVersion { get; set; } = "";

    public string Kind { get; set; } = "";

    public ObjectMeta Metadata { get; set; } = new();

    /// <summary>The field that could not be read, as kubectl spells it (<c>spec.retries</c>); empty when unknown.</summary>
    public string Field { get; init; } = "";

    /// <summary>What is wrong, in a user's terms (no .NET type names).</summary>
    public string Problem { get; init; } = "";
}
