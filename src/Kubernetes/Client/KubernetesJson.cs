using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using CiBridge.Kubernetes.Models;

namespace CiBridge.Kubernetes.Client;

/// <summary>
/// Serializer options for the client: camelCase, nulls omitted, <c>metav1.Time</c> timestamps, and
/// type metadata only from source-generated contexts (the caller's plus <see cref="KubernetesJsonContext"/>).
/// </summary>
public static class KubernetesJson
{
    /// <summary>Options that know the kinds of <paramref name="resolvers"/> (for example an app's JsonSerializerContext) and the built-ins.</summary>
    public static JsonSerializerOptions CreateOptions(params IJsonTypeInfoResolver[] resolvers)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            TypeInfoResolver = JsonTypeInfoResolver.Combine([.. resolvers, KubernetesJsonContext.Default]),
        };
        options.Converters.Add(new KubernetesTimeConverter());
        options.MakeReadOnly();
        return options;
    }

    /// <summary>The metadata for <typeparamref name="T"/>; fails clearly when no context declares it.</summary>
    public static JsonTypeInfo<T> TypeInfo<T>(this JsonSerializerOptions options) =>
        options.TryGetTypeInfo(typeof(T), out var info) && info is JsonTypeInfo<T> typed
            ? typed
            : throw new InvalidOperationException(
                $"{typeof(T).Name} is not declared by any JsonSerializerContext given to KubernetesJson.CreateOptions");

    /// <summary>A deep copy made through JSON (objects read from a cache are shared; copy before changing them).</summary>
    public static T DeepCopy<T>(this JsonSerializerOptions options, T value)
    {
        var info = options.TypeInfo<T>();
        return JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(value, info), info)!;
    }
}
