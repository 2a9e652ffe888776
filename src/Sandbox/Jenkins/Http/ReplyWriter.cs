using Microsoft.AspNetCore.Http;

namespace CiBridge.Sandbox.Jenkins.Http;

/// <summary>Writes a <see cref="Reply"/> with <see cref="Responses"/>.</summary>
internal sealed class ReplyWriter(Responses responses)
{
    public async Task WriteAsync(HttpContext context, Reply reply)
    {
        context.Response.Headers["X-Content-Type-Options"] = "nosniff";
        context.Response.Headers.Server = "Jetty(12.0.17)";
        foreach (var (name, value) in reply.Headers) context.Response.Headers[name] = value;
        await (reply.Kind switch
        {
            ReplyKind.Json => responses.JsonAsync(context, reply.Json!, reply.Status),
            ReplyKind.Text => Responses.TextAsync(context, reply.Text!, reply.Status, reply.GzipLarge),
            ReplyKind.Page => PageAsync(context, reply.Text!),
            ReplyKind.Redirect => Responses.RedirectAsync(context, reply.Status, reply.Location!),
            ReplyKind.Empty => EmptyAsync(context, reply.Status),
            ReplyKind.Oops => responses.OopsAsync(context, reply.Status, reply.Text!),
            ReplyKind.Jetty => Responses.JettyErrorAsync(context, reply.Status, reply.Text!),
            ReplyKind.Unauthorized => Responses.UnauthorizedAsync(context),
            ReplyKind.Forbidden => responses.ForbiddenAsync(context, reply.Location, reply.Text!),
            ReplyKind.MethodNotAllowed => responses.MethodNotAllowedAsync(context),
            _ => responses.LoginPageAsync(context),
        });
    }

    private async Task PageAsync(HttpContext context, string title)
    {
        responses.Advertise(context);
        context.Response.ContentType = "text/html;charset=utf-8";
        await context.Response.WriteAsync(
            $"<!DOCTYPE html><html><head><title>{System.Net.WebUtility.HtmlEncode(title)} [Jenkins]</title></head><body></body></html>",
            context.RequestAborted);
    }

    private static Task EmptyAsync(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
