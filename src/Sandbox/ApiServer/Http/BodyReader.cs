using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CiBridge.Kubernetes.Yaml;
using CiBridge.Sandbox.ApiServer.Protobuf;
using CiBridge.Sandbox.ApiServer.Resources;
using Microsoft.AspNetCore.Http;

namespace CiBridge.Sandbox.ApiServer.Http;

/// <summary>Reads request bodies with kube-apiserver's 3 MiB limit and its decoding errors.</summary>
internal static class BodyReader
{
    public const int MaxBytes = 3 * 1024 * 1024;

    public static async Task<string> ReadTextAsync(HttpContext context) => Encoding.UTF8.GetString(await ReadBytesAsync(context));

    /// <summary>Reads and decodes an object body: JSON, YAML, or kubectl's protobuf for built-in kinds.</summary>
    public static async Task<JsonObject> ReadObjectAsync(HttpContext context, ResourceType type)
    {
        var bytes = await ReadBytesAsync(context);
        var contentType = context.Request.ContentType;
        if (contentType?.StartsWith(KubeProtobuf.ContentType, StringComparison.Ordinal) == true)
        {
            return CheckTypeMeta(KubeProtobuf.Decode(bytes), type, "");
        }
        return DecodeObject(Encoding.UTF8.GetString(bytes), contentType, type);
    }

    private static async Task<byte[]> ReadBytesAsync(HttpContext context)
    {
        if (context.Request.ContentLength > MaxBytes) throw TooLarge();
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBytes) throw TooLarge();
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>Parses JSON, or YAML when the content type says so (or when <paramref name="yamlAllowed"/>).</summary>
    public static JsonNode? Parse(string text, string? contentType, bool yamlAllowed = false)
    {
        var yaml = yamlAllowed || (contentType?.Contains("yaml", StringComparison.OrdinalIgnoreCase) ?? false);
        try
        {
            return yaml && !LooksLikeJson(text) ? YamlJson.ReadSingle(text) : JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            throw StatusObjects.BadRequest($"couldn't get version/kind; json parse error: {e.Message}");
        }
        catch (YamlFormatException e)
        {
            throw StatusObjects.BadRequest($"error converting YAML to JSON: {e.Message}");
        }
    }

    /// <summary>Decodes an object for <paramref name="type"/>, checking apiVersion and kind as kube's decoder does.</summary>
    public static JsonObject DecodeObject(string text, string? contentType, ResourceType type)
    {
        if (contentType is not null && !contentType.Contains("json", StringComparison.OrdinalIgnoreCase) && !contentType.Contains("yaml", StringComparison.OrdinalIgnoreCase))
        {
            throw new ApiException(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/json, application/yaml");
        }
        if (Parse(text, contentType) is not JsonObject obj) throw StatusObjects.BadRequest("couldn't get version/kind; json parse error: expected an object");
        return CheckTypeMeta(obj, type, text);
    }

    /// <summary>
    /// Like kube's decoder: for a built-in kind a missing <c>apiVersion</c> or <c>kind</c> is taken
    /// from the URL (typed clients leave them empty); only values that contradict the URL are an
    /// error. Custom resources decode as unstructured objects, which must name their kind.
    /// </summary>
    private static JsonObject CheckTypeMeta(JsonObject obj, ResourceType type, string text)
    {
        var kind = obj["kind"]?.ToString();
        var apiVersion = obj["apiVersion"]?.ToString();
        if (type.IsCustom && string.IsNullOrEmpty(kind)) throw StatusObjects.BadRequest($"Object 'Kind' is missing in '{Truncate(text)}'");
        if (type.IsCustom && string.IsNullOrEmpty(apiVersion)) throw StatusObjects.BadRequest($"Object 'apiVersion' is missing in '{Truncate(text)}'");
        if (!string.IsNullOrEmpty(apiVersion) && apiVersion != type.ApiVersion)
        {
            throw StatusObjects.BadRequest($"the API version in the data ({apiVersion}) does not match the expected API version ({type.ApiVersion})");
        }
        if (!string.IsNullOrEmpty(kind) && kind != type.Kind) throw StatusObjects.BadRequest($"the kind in the data ({kind}) does not match the expected kind ({type.Kind})");
        if (!string.IsNullOrEmpty(kind) && !string.IsNullOrEmpty(apiVersion)) return obj;
        var complete = new JsonObject { ["apiVersion"] = type.ApiVersion, ["kind"] = type.Kind };
        foreach (var (key, value) in obj.Where(p => p.Key is not ("apiVersion" or "kind")).ToList())
        {
            obj.Remove(key);
            complete[key] = value;
        }
        return complete;
    }

    private static string Truncate(string text) => text.Length > 200 ? text[..200] : text;

    private static bool LooksLikeJson(string text) => text.TrimStart().StartsWith('{');

    private static ApiException TooLarge() => new(413, "RequestEntityTooLarge", $"Request entity too large: limit is {MaxBytes}");
}
