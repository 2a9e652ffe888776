using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace CiBridge.Sandbox.Jenkins.Http;

/// <summary>Writes responses the way Jenkins (Stapler on Jetty) does: headers, Oops and Jetty error pages.</summary>
internal sealed class Responses(JenkinsStandInOptions options, string instanceSession)
{
    public async Task JsonAsync(HttpContext context, JsonNode body, int status = 200)
    {
        ApiHeaders(context);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json;charset=utf-8";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    public static async Task TextAsync(HttpContext context, string text, int status = 200, bool gzipLarge = false)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain;charset=utf-8";
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        var gzip = gzipLarge && bytes.Length > 4096
            && context.Request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase);
        if (!gzip)
        {
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
            return;
        }
        context.Response.Headers.ContentEncoding = "gzip";
        await using var compressed = new System.IO.Compression.GZipStream(context.Response.Body, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true);
        await compressed.WriteAsync(bytes, context.RequestAborted);
    }

    /// <summary>An empty redirect (201/302/303 from build, stop, buildWithParameters); no X-Jenkins.</summary>
    public static Task RedirectAsync(HttpContext context, int status, string location)
    {
        context.Response.StatusCode = status;
        context.Response.Headers.Location = location;
        context.Response.ContentLength = 0;
        return Task.CompletedTask;
    }

    /// <summary>The Oops page (404, 409, 500 …): a layout page, so it advertises the version.</summary>
    public async Task OopsAsync(HttpContext context, int status, string message)
    {
        Advertise(context);
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html;charset=utf-8";
        var title = status == 404 ? "Not found" : "Oops!";
        await context.Response.WriteAsync(
            $"<!DOCTYPE html><html><head><title>{title} [Jenkins]</title></head><body><h1>{title}</h1>" +
            $"<p>{WebUtility.HtmlEncode(message)}</p><p>Logging ID={Guid.NewGuid()}</p></body></html>",
            context.RequestAborted);
    }

    /// <summary>Jetty's default error page (sendError: 401, crumb 403, 400); no X-Jenkins.</summary>
    public static async Task JettyErrorAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html;charset=iso-8859-1";
        var uri = WebUtility.HtmlEncode(context.Request.Path.Value ?? "/");
        var text = WebUtility.HtmlEncode(message);
        await context.Response.WriteAsync(
            "<html>\n<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html;charset=ISO-8859-1\"/>\n" +
            $"<title>Error {status} {text}</title>\n</head>\n<body>\n<h2>HTTP ERROR {status} {text}</h2>\n<table>\n" +
            $"<tr><th>URI:</th><td>{uri}</td></tr>\n<tr><th>STATUS:</th><td>{status}</td></tr>\n" +
            $"<tr><th>MESSAGE:</th><td>{text}</td></tr>\n<tr><th>SERVLET:</th><td>Stapler</td></tr>\n</table>\n\n</body>\n</html>\n",
            context.RequestAborted);
    }

    public static Task UnauthorizedAsync(HttpContext context)
    {
        context.Response.Headers.WWWAuthenticate = "Basic realm=\"Jenkins\"";
        return JettyErrorAsync(context, 401, "Unauthorized");
    }

    /// <summary>403 for anonymous (refresh to the login page) or for a user missing a permission.</summary>
    public async Task ForbiddenAsync(HttpContext context, string? user, string permission)
    {
        Advertise(context);
        context.Response.StatusCode = 403;
        context.Response.ContentType = "text/html;charset=utf-8";
        context.Response.Headers["X-You-Are-Authenticated-As"] = user ?? "anonymous";
        context.Response.Headers["X-You-Are-In-Group-Disabled"] = "JENKINS-39402: use -Dhudson.security.AccessDeniedException2.REPORT_GROUP_HEADERS=true or use /whoAmI to diagnose";
        context.Response.Headers["X-Required-Permission"] = permission;
        context.Response.Headers["X-Permission-Implied-By"] = "hudson.model.Hudson.Administer";
        if (user is null)
        {
            var from = Uri.EscapeDataString(context.Request.Path.Value ?? "/");
            await context.Response.WriteAsync(
                $"<html><head><meta http-equiv='refresh' content='1;url={options.PathPrefix}/login?from={from}'/>" +
                "<script>window.location.replace('" + options.PathPrefix + "/login?from=" + from + "');</script></head><body style='background-color:white; color:white;'>\n\n" +
                $"Authentication required\n<!--\nYou are authenticated as: anonymous\nGroups that you are in:\n  \nPermission you need to have (but didn't): {permission}\n -->\n\n</body></html>" +
                new string(' ', 512),
                context.RequestAborted);
            return;
        }
        await context.Response.WriteAsync(
            $"<!DOCTYPE html><html><head><title>Access Denied [Jenkins]</title></head><body><h1>Access Denied</h1>" +
            $"<p>{WebUtility.HtmlEncode(user)} is missing the {PermissionTitle(permission)} permission</p></body></html>",
            context.RequestAborted);
    }

    public Task MethodNotAllowedAsync(HttpContext context)
    {
        context.Response.Headers.Allow = "POST";
        return OopsAsync(context, 405, "This URL requires POST");
    }

    public async Task LoginPageAsync(HttpContext context)
    {
        Advertise(context);
        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/html;charset=utf-8";
        await context.Response.WriteAsync(
            "<!DOCTYPE html><html><head><title>Sign in [Jenkins]</title></head><body><form method='post' action='j_spring_security_check'>" +
            "<input name='j_username'/><input name='j_password' type='password'/></form></body></html>",
            context.RequestAborted);
    }

    /// <summary>Layout pages (Functions.advertiseHeaders): X-Hudson, X-Jenkins, X-Jenkins-Session.</summary>
    public void Advertise(HttpContext context)
    {
        context.Response.Headers["X-Hudson"] = "1.395";
        ApiHeaders(context);
    }

    /// <summary><c>api/json</c> (Api.setHeaders): X-Jenkins, X-Jenkins-Session, X-Frame-Options.</summary>
    private void ApiHeaders(HttpContext context)
    {
        context.Response.Headers["X-Jenkins"] = options.Version;
        context.Response.Headers["X-Jenkins-Session"] = instanceSession;
        context.Response.Headers["X-Frame-Options"] = "deny";
    }

    private static string PermissionTitle(string permission) => permission switch
    {
        "hudson.model.Item.Build" => "Job/Build",
        "hudson.model.Item.Cancel" => "Job/Cancel",
        "hudson.model.Hudson.Administer" => "Overall/Administer",
        _ => "Overall/Read",
    };

}
