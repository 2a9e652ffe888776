using System.Text.Json.Serialization;
using CiBridge.Kubernetes.Crds;

namespace CiBridge.Kubernetes.Models;

/// <summary>core/v1 Event, the kind <c>kubectl describe</c> shows.</summary>
[KubernetesEntity("", "v1", "Event", "events")]
public sealed class Event : IKubernetesObject
{
    public string ApiVersion { get; set; } = "v1";

    public string Kind { get; set; } = "Event";

    public ObjectMeta Metadata { get; set; } = new();

    public ObjectReference InvolvedObject { get; set; } = new();

    public string? Reason { get; set; }

    public string? Message { get; set; }

    /// <summary><see cref="EventTypes.Normal"/> or <see cref="EventTypes.Warning"/>.</summary>
    public string? Type { get; set; }

    public int? Count { get; set; }

    public DateTimeOffset? FirstTimestamp { get; set; }

    public DateTimeOffset? LastTimestamp { get; set; }

    [JsonConverter(typeof(KubernetesMicroTimeConverter))]
    public DateTimeOffset? EventTime { get; set; }

    public EventSource? Source { get; set; }

    public string? ReportingComponent { get; set; }

    public string? ReportingInstance { get; set; }
}

/// <summary>The two event types.</summary>
public static class EventTypes
{
    public const string Normal = "Normal";
    public const string Warning = "Warning";
}

/// <summary>Who reported an event.</summary>
public sealed class EventSource
{
    public string? Component { get; set; }

    public string? Host { get; set; }
}

/// <summary>Points at any object (<c>core/v1.ObjectReference</c>).</summary>
public sealed class ObjectReference
{
    public string? ApiVersion { get; set; }

    public string? Kind { get; set; }

    public string? Namespace { get; set; }

    public string? Name { get; set; }

    public string? Uid { get; set; }

    public string? ResourceVersion { get; set; }
}
