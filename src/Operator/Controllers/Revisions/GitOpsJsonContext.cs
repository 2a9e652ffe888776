using System.Text.Json.Serialization;
using CiBridge.Kubernetes.Models;

namespace CiBridge.Operator.Controllers.Revisions;

/// <summary>How the GitOps kinds the operator reads look as JSON (as <see cref="Entities.EntitiesJsonContext"/> does it for ours).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(KubernetesTimeConverter)])]
[JsonSerializable(typeof(FluxGitRepository))]
[JsonSerializable(typeof(ArgoApplication))]
internal sealed partial class GitOpsJsonContext : JsonSerializerContext;
