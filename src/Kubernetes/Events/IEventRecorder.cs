using System.ComponentModel.DataAnnotations;
using CiBridge.Kubernetes.Models;

namespace CiBridge.Kubernetes.Events;

/// <summary>
/// Records core/v1 Events about an object (what <c>kubectl describe</c> shows). Recording never
/// blocks and never fails: events are queued, aggregated and written in the background, and dropped
/// when the queue is full or the object is too chatty. Never put secrets in a message.
/// </summary>
public interface IEventRecorder
{
    /// <param name="regarding">The object the event is about.</param>
    /// <param name="type"><see cref="EventTypes.Normal"/> or <see cref="EventTypes.Warning"/>.</param>
    /// <param name="reason">A CamelCase reason, such as <c>BuildStarted</c>.</param>
    /// <param name="message">A short human-readable message (truncated to 1024 characters).</param>
    void Record(IKubernetesObject regarding, string type, string reason, string message);
}

/// <summary>How events are reported and paced.</summary>
public sealed class EventRecorderOptions
{
    /// <summary>The reporting component, such as the operator's name.</summary>
    [Required]
    public string Component { get; set; } = "";

    /// <summary>The reporting instance.</summary>
    /// <value>Defaults to the host name.</value>
    public string Instance { get; set; } = Environment.MachineName;

    /// <summary>Events waiting to be written; more are dropped.</summary>
    /// <value>Defaults to 1000.</value>
    [Range(1, 1_000_000)]
    public int QueueCapacity { get; set; } = 1000;

    /// <summary>Events one object may emit at once (client-go's recorder: 25).</summary>
    /// <value>Defaults to 25.</value>
    [Range(1, 10_000)]
    public int BurstPerObject { get; set; } = 25;

    /// <summary>How fast an object's allowance refills.</summary>
    /// <value>Defaults to one event per 5 minutes, as client-go.</value>
    public TimeSpan RefillInterval { get; set; } = TimeSpan.FromMinutes(5);
}
