using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CiBridge.Kubernetes.Models;

/// <summary>
/// Reads and writes <c>metav1.MicroTime</c> ("2026-01-02T03:04:05.123456Z"), the form Lease and
/// events.k8s.io timestamps use: RFC 3339 in UTC with exactly six fractional digits.
/// </summary>
public sealed class KubernetesMicroTimeConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString() ?? throw new JsonException("a timestamp must be a string");
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? new DateTimeOffset(value.UtcTicks - (value.UtcTicks % 10), TimeSpan.Zero)
            : throw new JsonException($"'{text}' is not an RFC 3339 timestamp");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
}
