using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using CiBridge.Kubernetes.Configuration;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Models;

namespace CiBridge.Kubernetes.Client;

/// <summary>Creates API clients.</summary>
public static class KubernetesClientFactory
{
    /// <summary>
    /// A client for <paramref name="config"/>. <paramref name="json"/> comes from
    /// <see cref="KubernetesJson.CreateOptions"/> with the caller's source-generated contexts;
    /// <paramref name="handler"/> replaces the network (tests).
    /// </summary>
    public static IKubernetesClient Create(
        KubernetesClientConfiguration config,
        KubernetesClientOptions options,
        JsonSerializerOptions json,
        TimeProvider time,
        HttpMessageHandler? handler = null) =>
        new KubernetesClient(new ApiTransport(config, options, time, handler), json, options.FieldManager, time);
}

/// <summary>The REST client: one method per verb, typed by source-generated JSON metadata.</summary>
internal sealed class KubernetesClient(ApiTransport transport, JsonSerializerOptions json, string fieldManager, TimeProvider time)
    : IKubernetesClient, IStatusWriter, IDisposable
{
    private readonly string _manager = Uri.EscapeDataString(fieldManager);

    public IStatusWriter Status => this;

    public async ValueTask<T?> GetAsync<T>(ObjectKey key, CancellationToken ct) where T : class, IKubernetesObject
    {
        var info = ResourceInfo.Of<T>();
        using var response = await transport.SendAsync(HttpMethod.Get, info.Path(key.Namespace, key.Name), null, null, RequestKind.Idempotent, ct);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        return await ReadAsync<T>(response, ct);
    }

    public async ValueTask<ObjectList<T>> ListAsync<T>(ListOptions? options, CancellationToken ct) where T : class, IKubernetesObject
    {
        var info = ResourceInfo.Of<T>();
        var query = new Query()
            .Add("labelSelector", options?.LabelSelector).Add("fieldSelector", options?.FieldSelector)
            .Add("limit", options?.Limit?.ToString(System.Globalization.CultureInfo.InvariantCulture)).Add("continue", options?.Continue);
        using var response = await transport.SendAsync(HttpMethod.Get, info.Path(options?.Namespace) + query, null, null, RequestKind.Idempotent, ct);
        await EnsureSuccessAsync(response, ct);
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        using var document = await JsonDocument.ParseAsync(stream, default, ct);
        return ListParser.Parse<T>(document.RootElement, json.TypeInfo<T>(), info);
    }

    public Task<T> CreateAsync<T>(T obj, CancellationToken ct) where T : class, IKubernetesObject =>
        WriteAsync(HttpMethod.Post, ResourceInfo.Of<T>().Path(obj.Metadata.Namespace), obj, RequestKind.Unsafe, ct);

    public Task<T> ReplaceAsync<T>(T obj, CancellationToken ct) where T : class, IKubernetesObject =>
        WriteAsync(HttpMethod.Put, ResourceInfo.Of<T>().Path(obj.Metadata.Namespace, NameOf(obj)), obj, RequestKind.Unsafe, ct);

    public Task<T> PatchAsync<T>(ObjectKey key, Patch patch, CancellationToken ct) where T : class, IKubernetesObject =>
        SendPatchAsync<T>(ResourceInfo.Of<T>().Path(key.Namespace, key.Name), patch, ct);

    public async Task<bool> DeleteAsync<T>(ObjectKey key, CancellationToken ct) where T : class, IKubernetesObject
    {
        var path = ResourceInfo.Of<T>().Path(key.Namespace, key.Name);
        using var response = await transport.SendAsync(HttpMethod.Delete, path, null, null, RequestKind.Unsafe, ct);
        if (response.StatusCode == HttpStatusCode.NotFound) return false;
        await EnsureSuccessAsync(response, ct);
        return true;
    }

    public Task<T> ReplaceStatusAsync<T>(T obj, CancellationToken ct) where T : class, IKubernetesObject =>
        WriteAsync(HttpMethod.Put, ResourceInfo.Of<T>().Path(obj.Metadata.Namespace, NameOf(obj), "status"), obj, RequestKind.Unsafe, ct);

    public Task<T> PatchStatusAsync<T>(ObjectKey key, Patch patch, CancellationToken ct) where T : class, IKubernetesObject =>
        SendPatchAsync<T>(ResourceInfo.Of<T>().Path(key.Namespace, key.Name, "status"), patch, ct);

    public async IAsyncEnumerable<WatchEvent<T>> WatchAsync<T>(WatchOptions options, [EnumeratorCancellation] CancellationToken ct)
        where T : class, IKubernetesObject
    {
        var info = ResourceInfo.Of<T>();
        var seconds = (int)Math.Max(1, options.Timeout.TotalSeconds);
        var query = new Query().Add("watch", "true").Add("resourceVersion", options.ResourceVersion)
            .Add("allowWatchBookmarks", options.AllowBookmarks ? "true" : null)
            .Add("timeoutSeconds", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Add("labelSelector", options.LabelSelector).Add("fieldSelector", options.FieldSelector);
        // The client gives up a minute after the server should have closed the stream.
        using var deadline = new CancellationTokenSource(options.Timeout + TimeSpan.FromMinutes(1), time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token);
        using var response = await OpenWatchAsync(info.Path(options.Namespace) + query, linked.Token, deadline.Token);
        if (response is null) yield break;
        await EnsureSuccessAsync(response, ct);
        var reader = new WatchReader<T>(json.TypeInfo<T>(), info);
        await foreach (var change in reader.ReadAsync(response, linked.Token, deadline.Token))
        {
            yield return change;
        }
    }

    public void Dispose() => transport.Dispose();

    /// <summary>Opens a watch; null when the client's own deadline passed first (the caller simply watches again).</summary>
    private async Task<HttpResponseMessage?> OpenWatchAsync(string path, CancellationToken ct, CancellationToken deadline)
    {
        try
        {
            return await transport.SendAsync(HttpMethod.Get, path, null, null, RequestKind.Stream, ct);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return null;
        }
    }

    private async Task<T> SendPatchAsync<T>(string path, Patch patch, CancellationToken ct) where T : class, IKubernetesObject
    {
        var query = new Query().Add("fieldManager", _manager, escape: false).Add("force", patch.IsApply && patch.Force ? "true" : null);
        var kind = patch.IsApply ? RequestKind.Idempotent : RequestKind.Unsafe;
        using var response = await transport.SendAsync(HttpMethod.Patch, path + query, patch.Body, patch.ContentType, kind, ct);
        await EnsureSuccessAsync(response, ct);
        return await ReadAsync<T>(response, ct);
    }

    private async Task<T> WriteAsync<T>(HttpMethod method, string path, T obj, RequestKind kind, CancellationToken ct)
        where T : class, IKubernetesObject
    {
        ResourceInfo.Of<T>().Stamp(obj);
        var body = JsonSerializer.Serialize(obj, json.TypeInfo<T>());
        var query = new Query().Add("fieldManager", _manager, escape: false);
        using var response = await transport.SendAsync(method, path + query, body, "application/json", kind, ct);
        await EnsureSuccessAsync(response, ct);
        return await ReadAsync<T>(response, ct);
    }

    private async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct) where T : class, IKubernetesObject
    {
        await EnsureSuccessAsync(response, ct);
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        var obj = await JsonSerializer.DeserializeAsync(stream, json.TypeInfo<T>(), ct)
            ?? throw new ApiException((int)response.StatusCode, null, "the server sent an empty body");
        ResourceInfo.Of<T>().Stamp(obj);
        return obj;
    }

    internal static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode) return;
        var text = await response.Content.ReadAsStringAsync(ct);
        Status? status = null;
        try
        {
            status = JsonSerializer.Deserialize(text, KubernetesJsonContext.Default.Status);
        }
        catch (JsonException)
        {
        }
        throw new ApiException((int)response.StatusCode, status?.Kind == "Status" ? status : null, response.ReasonPhrase);
    }

    private static string NameOf(IKubernetesObject obj) =>
        obj.Metadata.Name ?? throw new ArgumentException("metadata.name is required", nameof(obj));
}
