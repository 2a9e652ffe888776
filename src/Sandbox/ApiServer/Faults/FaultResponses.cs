using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CiBridge.Sandbox.ApiServer.Http;
using Microsoft.AspNetCore.Http;

namespace CiBridge.Sandbox.ApiServer.Faults;

/// <summary>The answers of injected faults, worded as kube-apiserver words them.</summary>
internal static class FaultResponses
{
    public static Task WriteErrorAsync(HttpContext context, ApiFault fault, FaultTarget target)
    {
        if (fault.Status == 429)
        {
            var seconds = (long)Math.Ceiling(fault.RetryAfter.TotalSeconds);
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return Responses.WriteErrorAsync(context, new ApiException(429, "TooManyRequests", "Too many requests, please try again later.",
                new JsonObject { ["retryAfterSeconds"] = seconds }));
        }
        var qualified = target.Group.Length == 0 ? target.Resource : $"{target.Resource.Split('/')[0]}.{target.Group}";
        var error = fault.Status switch
        {
            409 => new ApiException(409, "Conflict", $"Operation cannot be fulfilled on {qualified} \"{target.Name}\": the object has been modified; please apply your changes to the latest version and try again",
                new JsonObject { ["name"] = target.Name, ["group"] = target.Group, ["kind"] = target.Resource.Split('/')[0] }),
            503 => new ApiException(503, "ServiceUnavailable", "the server is currently unable to handle the request"),
            504 => new ApiException(504, "Timeout", "Timeout: request did not complete within the allotted timeout"),
            _ => new ApiException(500, "InternalError", "Internal error occurred: injected fault"),
        };
        return Responses.WriteErrorAsync(context, error);
    }

    /// <summary>A watch that resumes from a version the server no longer has: 200, one ERROR event with 410, end.</summary>
    public static async Task WriteExpiredWatchAsync(HttpContext context, long current)
    {
        var requested = Negotiation.Query(context, "resourceVersion");
        var status = StatusObjects.Expired($"too old resource version: {requested} ({current})").ToStatus();
        var line = new JsonObject { ["type"] = "ERROR", ["object"] = status }.ToJsonString() + "\n";
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(line), context.RequestAborted);
    }
}
