using System.Text.Json.Serialization;

namespace CiBridge.Operator.Webhooks;

/// <summary>JSON for the admission wire types.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AdmissionReview))]
internal sealed partial class WebhookJsonContext : JsonSerializerContext;
