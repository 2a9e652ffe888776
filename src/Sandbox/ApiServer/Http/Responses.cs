using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace CiBridge.Sandbox.ApiServer.Http;

/// <summary>Writes JSON bodies the way kube-apiserver does (compact, application/json).</summary>
internal static class Responses
{
    public static async Task WriteAsync(HttpContext context, int code, JsonNode body, IEnumerable<string>? warnings = null, string contentType = "application/json")
    {
        context.Response.StatusCode = code;
        context.Response.ContentType = contentType;
        foreach (var warning in warnings ?? []) context.Response.Headers.Append("Warning", $"299 - \"{warning.Replace("\"", "\\\"", StringComparison.Ordinal)}\"");
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString(s_options));
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    public static Task WriteErrorAsync(HttpContext context, ApiException error) => WriteAsync(context, error.Code, error.ToStatus());

    private static readonly JsonSerializerOptions s_options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
