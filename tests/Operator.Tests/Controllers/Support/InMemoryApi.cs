using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Models;

namespace CiBridge.Operator.Tests.Controllers.Support;

/// <summary>
/// A small in-memory API server for reconciler tests, keeping the rules the controllers rely on:
/// a stale resourceVersion gets 409, <c>generation</c> moves only when the spec changes, the main
/// resource never writes status and the status subresource writes nothing else, a finalizer holds
/// a deletion. It serves as both the cache and the API client (no watch: tests call reconcile).
/// </summary>
internal sealed class InMemoryApi(JsonSerializerOptions json) : IKubernetesClient, IStatusWriter
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(Type, ObjectKey), JsonObject> _objects = [];
    private long _version;

    public IStatusWriter Status => this;

    /// <summary>Writes to a status subresource so far.</summary>
    public int StatusWrites { get; private set; }

    /// <summary>Makes the next guarded status write fail as if another writer came first.</summary>
    public bool ConflictOnNextStatusReplace { get; set; }

    public ValueTask<T?> GetAsync<T>(ObjectKey key, CancellationToken ct) where T : class, IKubernetesObject
    {
        lock (_gate) return ValueTask.FromResult(_objects.TryGetValue((typeof(T), key), out var node) ? Read<T>(node) : null);
    }

    public ValueTask<ObjectList<T>> ListAsync<T>(ListOptions? options, CancellationToken ct) where T : class, IKubernetesObject
    {
        lock (_gate)
        {
            var items = _objects.Where(o => o.Key.Item1 == typeof(T) && (options?.Namespace is null || o.Key.Item2.Namespace == options.Namespace))
                .Select(o => Read<T>(o.Value)).ToList();
            return ValueTask.FromResult(new ObjectList<T>(items, _version.ToString(CultureInfo.InvariantCulture)));
        }
    }

    public Task<T> CreateAsync<T>(T obj, CancellationToken ct) where T : class, IKubernetesObject
    {
        lock (_gate)
        {
            var node = Write(obj);
            node.Remove("status");
            var metadata = node["metadata"]!.AsObject();
            metadata["uid"] = Guid.NewGuid().ToString();
            metadata["generation"] = 1L;
            return Task.FromResult(Store<T>(ObjectKey.Of(obj), node));
        }
    }

    public Task<T> ReplaceAsync<T>(T obj, CancellationToken ct) where T : class, IKubernetesObject =>
        Update<T>(ObjectKey.Of(obj), obj.Metadata.ResourceVersion, current =>
        {
            var next = Write(obj);
            next["status"] = current["status"]?.DeepClone();
            return next;
        });

    public Task<T> PatchAsync<T>(ObjectKey key, Patch patch, CancellationToken ct) where T : class, IKubernetesObject
    {
        var body = JsonNode.Parse(patch.Body)!.AsObject();
        body.Remove("status");
        var guard = body["metadata"]?["resourceVersion"]?.GetValue<string>();
        return Update<T>(key, guard, current => Merge(current.DeepClone(), body));
    }

    public Task<bool> DeleteAsync<T>(ObjectKey key, CancellationToken ct) where T : class, IKubernetesObject
    {
        lock (_gate)
        {
            if (!_objects.TryGetValue((typeof(T), key), out var node)) return Task.FromResult(false);
            if (node["metadata"]?["finalizers"] is JsonArray { Count: > 0 }) node["metadata"]!["deletionTimestamp"] = "2030-01-01T00:00:00Z";
            else _objects.Remove((typeof(T), key));
            return Task.FromResult(true);
        }
    }

    public Task<T> ReplaceStatusAsync<T>(T obj, CancellationToken ct) where T : class, IKubernetesObject
    {
        StatusWrites++;
        if (ConflictOnNextStatusReplace)
        {
            ConflictOnNextStatusReplace = false;
            throw new ApiException(409, new Status { Reason = "Conflict", Code = 409, Message = "the object has been modified" });
        }
        return Update<T>(ObjectKey.Of(obj), obj.Metadata.ResourceVersion, current =>
        {
            var next = current.DeepClone().AsObject();
            next["status"] = Write(obj)["status"]?.DeepClone();
            return next;
        }, statusOnly: true);
    }

    public Task<T> PatchStatusAsync<T>(ObjectKey key, Patch patch, CancellationToken ct) where T : class, IKubernetesObject
    {
        StatusWrites++;
        var body = new JsonObject { ["status"] = JsonNode.Parse(patch.Body)!["status"]?.DeepClone() };
        return Update<T>(key, null, current => Merge(current.DeepClone(), body), statusOnly: true);
    }

    public IAsyncEnumerable<WatchEvent<T>> WatchAsync<T>(WatchOptions options, CancellationToken ct) where T : class, IKubernetesObject =>
        throw new NotSupportedException("reconciler tests call reconcile directly");

    private Task<T> Update<T>(ObjectKey key, string? guard, Func<JsonObject, JsonNode> change, bool statusOnly = false) where T : class, IKubernetesObject
    {
        lock (_gate)
        {
            if (!_objects.TryGetValue((typeof(T), key), out var current)) throw new ApiException(404, new Status { Reason = "NotFound", Code = 404 });
            var version = current["metadata"]!["resourceVersion"]!.GetValue<string>();
            if (guard is not null && guard != version) throw new ApiException(409, new Status { Reason = "Conflict", Code = 409, Message = "the object has been modified" });
            var next = change(current).AsObject();
            if (statusOnly) next["metadata"] = current["metadata"]!.DeepClone();
            var generation = current["metadata"]!["generation"]!.GetValue<long>();
            next["metadata"]!["generation"] = JsonNode.DeepEquals(current["spec"], next["spec"]) ? generation : generation + 1;
            if (next["metadata"]?["deletionTimestamp"] is not null && next["metadata"]?["finalizers"] is not JsonArray { Count: > 0 })
            {
                _objects.Remove((typeof(T), key));
                return Task.FromResult(Read<T>(next));
            }
            return Task.FromResult(Store<T>(key, next));
        }
    }

    private T Store<T>(ObjectKey key, JsonObject node) where T : class, IKubernetesObject
    {
        node["metadata"]!["resourceVersion"] = (++_version).ToString(CultureInfo.InvariantCulture);
        _objects[(typeof(T), key)] = node;
        return Read<T>(node);
    }

    private T Read<T>(JsonNode node) => node.Deserialize(json.TypeInfo<T>())!;

    private JsonObject Write<T>(T obj) => JsonSerializer.SerializeToNode(obj, json.TypeInfo<T>())!.AsObject();

    /// <summary>RFC 7386: objects merge, null removes, anything else replaces.</summary>
    private static JsonNode Merge(JsonNode target, JsonNode? patch)
    {
        if (patch is not JsonObject fields || target is not JsonObject result) return patch?.DeepClone() ?? target;
        foreach (var (name, value) in fields)
        {
            if (value is null) result.Remove(name);
            else result[name] = result[name] is { } existing && value is JsonObject ? Merge(existing.DeepClone(), value) : value.DeepClone();
        }
        return result;
    }
}
