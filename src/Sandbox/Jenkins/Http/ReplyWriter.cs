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
        switch (reply.Kind)
        {
            case ReplyKind.Json:
                await responses.JsonAsync(context, reply.Json!, reply.Status);
                break;
            case ReplyKind.Text:
                await Responses.TextAsync(context, reply.Text!, reply.Status);
                break;
            case ReplyKind.Page:
                responses.Advertise(context);
                context.Response.ContentType = "text/html;charset=utf-8";
                await context.Response.WriteAsync($"<!DOCTYPE html><html><head><title>{System.Net.WebUtility.HtmlEncode(reply.Text)} [Jenkins]</title></head><body></body></html>", context.RequestAborted);
                break;
            case ReplyKind.Redirect:
                await Responses.RedirectAsync(context, reply.Status, reply.Location!);
                break;
            case ReplyKind.Empty:
                context.Response.StatusCode = reply.Status;
                break;
            case ReplyKind.Oops:
                await responses.OopsAsync(context, reply.Status, reply.Text!);
                break;
            case ReplyKind.Jetty:
                await Responses.JettyErrorAsync(context, reply.Status, reply.Text!);
                break;
            case ReplyKind.Unauthorized:
                await Responses.UnauthorizedAsync(context);
                break;
            case ReplyKind.Forbidden:
                await responses.ForbiddenAsync(context, reply.Location, reply.Text!);
                break;
            case ReplyKind.MethodNotAllowed:
                await responses.MethodNotAllowedAsync(context);
                break;
            default:
                await responses.LoginPageAsync(context);
                break;
        }
    }
}
