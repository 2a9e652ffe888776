using System.ComponentModel.DataAnnotations;

namespace CiBridge.Kubernetes.Client;

/// <summary>How the client behaves towards the API server.</summary>
public sealed class KubernetesClientOptions
{
    /// <summary>Names the writer in <c>managedFields</c>; every write and server-side apply uses it.</summary>
    [Required]
    public required string FieldManager { get; init; }

    /// <summary>Sustained requests per second (client-side limit, like client-go's <c>rest.Config.QPS</c>).</summary>
    /// <value>Defaults to 20 (controller-runtime's default).</value>
    [Range(0.1, 10_000)]
    public double Qps { get; init; } = 20;

    /// <summary>Requests allowed at once above <see cref="Qps"/>.</summary>
    /// <value>Defaults to 30.</value>
    [Range(1, 10_000)]
    public int Burst { get; init; } = 30;

    /// <summary>Time allowed for one attempt of a non-watch request.</summary>
    /// <value>Defaults to 30 seconds.</value>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after the first attempt, for the failures that are safe to retry.</summary>
    /// <value>Defaults to 5.</value>
    [Range(0, 100)]
    public int MaxRetries { get; init; } = 5;

    /// <summary>The first retry delay; later ones grow exponentially, with jitter, up to 10 s.</summary>
    /// <value>Defaults to 200 ms.</value>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <value>Defaults to <c>kubernetes-runtime/1.0</c>.</value>
    public string UserAgent { get; init; } = "kubernetes-runtime/1.0";
}
