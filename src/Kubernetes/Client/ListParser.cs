using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CiBridge.Kubernetes.Models;

namespace CiBridge.Kubernetes.Client;

/// <summary>
/// Reads a <c>...List</c> response item by item, with the kind's own metadata (no list type needed);
/// items that do not fit the type are set apart in <see cref="ObjectList{T}.Undecodable"/>.
/// </summary>
internal static class ListParser
{
    public static ObjectList<T> Parse<T>(JsonElement root, JsonTypeInfo<T> typeInfo, ResourceInfo info) where T : class, IKubernetesObject
    {
        var items = new List<T>();
        var undecodable = new List<UndecodableObject>();
        if (root.TryGetProperty("items", out var array) && array.ValueKind == JsonValueKind.Array)
        {
            items.Capacity = array.GetArrayLength();
            foreach (var element in array.EnumerateArray())
            {
                if (ItemDecoder.Decode(element, typeInfo, info, out var bad) is { } item) items.Add(item);
                else undecodable.Add(bad!);
            }
        }
        string? resourceVersion = null, next = null;
        if (root.TryGetProperty("metadata", out var metadata))
        {
            resourceVersion = metadata.TryGetProperty("resourceVersion", out var rv) ? rv.GetString() : null;
            next = metadata.TryGetProperty("continue", out var c) ? c.GetString() : null;
        }
        return new ObjectList<T>(items, resourceVersion, string.IsNullOrEmpty(next) ? null : next) { Undecodable = undecodable };
    }
}
