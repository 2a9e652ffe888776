using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CiBridge.Kubernetes.Models;

namespace CiBridge.Kubernetes.Client;

/// <summary>
/// Decodes one list item or watch object. An object that does not fit the type becomes an
/// <see cref="UndecodableObject"/> carrying its identity (with its finalizers and deletion time) and the field at fault, so one bad object
/// cannot stop a whole list or watch (client-go fails the list; we skip the object instead).
/// </summary>
internal static class ItemDecoder
{
    public static T? Decode<T>(JsonElement element, JsonTypeInfo<T> typeInfo, ResourceInfo info, out UndecodableObject? undecodable)
        where T : class, IKubernetesObject
    {
        undecodable = null;
        try
        {
            var item = element.Deserialize(typeInfo) ?? throw new JsonException("the object is null");
            info.Stamp(item);
            return item;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            undecodable = Describe(element, info, (e as JsonException)?.Path);
            return null;
        }
    }

    private static UndecodableObject Describe(JsonElement element, ResourceInfo info, string? path)
    {
        var field = FieldOf(path);
        return new UndecodableObject
        {
            ApiVersion = info.ApiVersion,
            Kind = info.Kind,
            Metadata = IdentityOf(element),
            Field = field,
            Problem = field.Length == 0
                ? $"the {info.Kind} cannot be read: it does not have the shape its schema declares"
                : $"{field}: the value does not have the type the {info.Kind} schema declares",
        };
    }

    /// <summary>"$.spec.parameters[0].name" becomes "spec.parameters[0].name".</summary>
    private static string FieldOf(string? path) =>
        path is null ? "" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    private static ObjectMeta IdentityOf(JsonElement element)
    {
        var meta = new ObjectMeta();
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("metadata", out var m) || m.ValueKind != JsonValueKind.Object)
        {
            return meta;
        }
        meta.Name = StringOf(m, "name");
        meta.Namespace = StringOf(m, "namespace");
        meta.Uid = StringOf(m, "uid");
        meta.ResourceVersion = StringOf(m, "resourceVersion");
        meta.DeletionTimestamp = StringOf(m, "deletionTimestamp") is { } deleting && DateTimeOffset.TryParse(deleting, CultureInfo.InvariantCulture, out var at) ? at : null;
        meta.Finalizers = m.TryGetProperty("finalizers", out var f) && f.ValueKind == JsonValueKind.Array
            ? [.. f.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)]
            : null;
        return meta;
    }

    private static string? StringOf(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
