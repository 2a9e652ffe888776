using System.Text.Json.Serialization;
using CiBridge.Kubernetes.Crds;
using CiBridge.Kubernetes.Models;

namespace CiBridge.Kubernetes.Tests.Support;

/// <summary>A custom kind for tests, so the runtime is exercised without CiBridge's own kinds.</summary>
[KubernetesEntity("example.com", "v1", "Widget", "widgets")]
public sealed class Widget : IKubernetesObject<WidgetSpec, WidgetStatus>
{
    public string ApiVersion { get; set; } = "example.com/v1";

    public string Kind { get; set; } = "Widget";

    public ObjectMeta Metadata { get; set; } = new();

    public WidgetSpec Spec { get; set; } = new();

    public WidgetStatus? Status { get; set; }

    public static Widget Named(string ns, string name, string color = "red", string? rv = null) =>
        new() { Metadata = new ObjectMeta { Namespace = ns, Name = name, ResourceVersion = rv }, Spec = new WidgetSpec { Color = color } };
}

public sealed class WidgetSpec
{
    public string Color { get; set; } = "";

    public string? Owner { get; set; }
}

public sealed class WidgetStatus
{
    public string? Phase { get; set; }

    public long? ObservedGeneration { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Widget))]
public sealed partial class TestJsonContext : JsonSerializerContext;
