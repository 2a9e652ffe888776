using System.Text.Json.Serialization;
using CiBridge.Kubernetes.Models;

namespace CiBridge.Kubernetes.Client;

/// <summary>Source-generated JSON metadata for the built-in kinds this library reads and writes.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(KubernetesTimeConverter)])]
[JsonSerializable(typeof(Status))]
[JsonSerializable(typeof(Secret))]
[JsonSerializable(typeof(ConfigMap))]
[JsonSerializable(typeof(Namespace))]
[JsonSerializable(typeof(Event))]
[JsonSerializable(typeof(Lease))]
[JsonSerializable(typeof(ValidatingWebhookConfiguration))]
public sealed partial class KubernetesJsonContext : JsonSerializerContext;
