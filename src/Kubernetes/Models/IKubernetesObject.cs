namespace CiBridge.Kubernetes.Models;

/// <summary>Anything the API server stores: type information plus standard object metadata.</summary>
public interface IKubernetesObject
{
    string ApiVersion { get; set; }

    string Kind { get; set; }

    ObjectMeta Metadata { get; set; }
}

/// <summary>An object with a desired state (<typeparamref name="TSpec"/>) and an observed one.</summary>
public interface IKubernetesObject<TSpec, TStatus> : IKubernetesObject
    where TSpec : class
    where TStatus : class
{
    TSpec Spec { get; set; }

    /// <summary>Null until a controller first writes it (KubeOps' <c>Status = new()</c> hides that).</summary>
    TStatus? Status { get; set; }
}
