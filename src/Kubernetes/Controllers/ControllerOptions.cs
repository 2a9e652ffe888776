using System.ComponentModel.DataAnnotations;
using CiBridge.Kubernetes.Queue;

namespace CiBridge.Kubernetes.Controllers;

/// <summary>How a <see cref="Controller"/> runs its reconciler.</summary>
public sealed class ControllerOptions
{
    /// <summary>Names the controller in logs.</summary>
    /// <value>Defaults to <c>controller</c>.</value>
    [Required]
    public string Name { get; set; } = "controller";

    /// <summary>How many keys are reconciled at once (never the same key twice).</summary>
    /// <value>Defaults to 1, controller-runtime's <c>MaxConcurrentReconciles</c>.</value>
    [Range(1, 1024)]
    public int Workers { get; set; } = 1;

    /// <summary>How long reconciles already running may take to finish on shutdown before they are cancelled.</summary>
    /// <value>Defaults to 30 seconds.</value>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Paces retries.</summary>
    /// <value>Defaults to <see cref="RateLimiters.DefaultController{T}"/>.</value>
    public IRateLimiter<ObjectKey>? RateLimiter { get; set; }
}
