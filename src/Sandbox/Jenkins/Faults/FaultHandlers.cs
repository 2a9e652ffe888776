using Microsoft.AspNetCore.Http;

namespace CiBridge.Sandbox.Jenkins.Faults;

/// <summary>Applies a fault before the request reaches Jenkins, or after Jenkins acted on it.</summary>
internal static class FaultHandlers
{
    /// <summary>False means the response is done and Jenkins never sees the request.</summary>
    public static async Task<bool> BeforeAsync(HttpContext context, StandInFault fault, JenkinsStandInOptions options)
    {
        switch (fault.Kind)
        {
            case FaultKind.Latency:
                await Task.Delay(fault.Latency, options.TimeProvider, context.RequestAborted);
                return true;
            case FaultKind.Reset:
                context.Abort();
                return false;
            case FaultKind.Hang:
                await Task.Delay(Timeout.InfiniteTimeSpan, options.TimeProvider, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return false;
            case FaultKind.BadGateway:
                await HtmlAsync(context, 502, "nginx/1.27.0", "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx/1.27.0</center></body></html>");
                return false;
            case FaultKind.NotJenkins:
                await HtmlAsync(context, 200, "nginx/1.27.0", "<!DOCTYPE html><html><head><title>Welcome to nginx!</title></head><body><h1>Welcome to nginx!</h1></body></html>");
                return false;
            case FaultKind.Starting:
                await HtmlAsync(context, 503, "Jetty(12.0.17)", "<html><body>Please wait while Jenkins is getting ready to work...</body></html>");
                return false;
            case FaultKind.LoginRedirect:
                context.Response.StatusCode = 302;
                context.Response.Headers.Location = $"{context.Request.Scheme}://{context.Request.Host}{options.PathPrefix.TrimEnd('/')}/login?from={Uri.EscapeDataString(context.Request.Path.Value ?? "/")}";
                return false;
            default:
                return true;
        }
    }

    /// <summary>Jenkins has acted (a trigger is queued); the client gets a reset, a proxy's 502 or nothing at all.</summary>
    public static async Task AfterAsync(HttpContext context, StandInFault fault, JenkinsStandInOptions options)
    {
        switch (fault.Kind)
        {
            case FaultKind.BadGatewayAfterHandling:
                await BeforeAsync(context, fault with { Kind = FaultKind.BadGateway }, options);
                return;
            case FaultKind.HangAfterHandling:
                await BeforeAsync(context, fault with { Kind = FaultKind.Hang }, options);
                return;
            default:
                context.Abort();
                return;
        }
    }

    private static async Task HtmlAsync(HttpContext context, int status, string server, string body)
    {
        context.Response.StatusCode = status;
        context.Response.Headers.Server = server;
        context.Response.ContentType = "text/html";
        await context.Response.WriteAsync(body, context.RequestAborted);
    }
}
