using System.Text.Json.Serialization;
using CiBridge.Entities.CiTasks;
using CiBridge.Entities.JenkinsEndpoints;
using CiBridge.Kubernetes.Models;

namespace CiBridge.Entities;

/// <summary>The one place that decides how CiBridge's kinds look as JSON: camelCase, nulls omitted.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(KubernetesTimeConverter)])]
[JsonSerializable(typeof(JenkinsEndpoint))]
[JsonSerializable(typeof(CiTask))]
public sealed partial class EntitiesJsonContext : JsonSerializerContext;
