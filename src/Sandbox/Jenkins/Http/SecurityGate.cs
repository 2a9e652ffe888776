using System.Security.Cryptography;
using System.Text;
using CiBridge.Sandbox.Jenkins.Model;
using Microsoft.AspNetCore.Http;

namespace CiBridge.Sandbox.Jenkins.Http;

/// <summary>
/// Basic authentication (password or API token, BasicHeaderProcessor), web sessions and CSRF
/// crumbs bound to user, client IP and session (DefaultCrumbIssuer). Call under the world's lock.
/// </summary>
internal sealed class SecurityGate(JenkinsWorld world)
{
    private readonly HashSet<string> _sessions = new(StringComparer.Ordinal);
    private readonly byte[] _salt = RandomNumberGenerator.GetBytes(16);

    public string CookieName { get; } = "JSESSIONID." + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));

    /// <summary>Null means the credentials were wrong (401).</summary>
    public Caller? Authenticate(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!world.Options.UseSecurity || header.Length == 0) return Caller.Anonymous;
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return Caller.Anonymous;
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
        }
        catch (FormatException)
        {
            return null;
        }
        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || !world.Users.TryGetValue(decoded[..colon], out var user)) return null;
        var secret = decoded[(colon + 1)..];
        if (user.Tokens.Contains(secret)) return new Caller(user, ViaApiToken: true);
        return user.Password is not null && user.Password == secret ? new Caller(user, ViaApiToken: false) : null;
    }

    public string? CurrentSession(HttpContext context) =>
        context.Request.Cookies.TryGetValue(CookieName, out var id) && _sessions.Contains(id) ? id : null;

    public string EnsureSession(HttpContext context)
    {
        if (CurrentSession(context) is { } existing) return existing;
        var id = "node0" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10)) + ".node0";
        _sessions.Add(id);
        context.Response.Headers.Append("Set-Cookie", $"{CookieName}={id}; Path=/; HttpOnly");
        context.Response.Headers.Expires = "Thu, 01 Jan 1970 00:00:00 GMT";
        return id;
    }

    /// <summary>Forgets every session (a Jenkins restart): crumbs issued before stop working.</summary>
    public void DropSessions() => _sessions.Clear();

    public string IssueCrumb(HttpContext context, Caller caller) => Crumb(caller, ClientIp(context), EnsureSession(context));

    /// <summary>CrumbFilter: token-authenticated requests are exempt; others need a crumb for their session.</summary>
    public bool CrumbValid(HttpContext context, Caller caller)
    {
        if (!world.Options.CsrfProtection || caller.ViaApiToken) return true;
        var sent = context.Request.Headers["Jenkins-Crumb"].ToString();
        if (sent.Length == 0 && context.Request.HasFormContentType) sent = context.Request.Form["Jenkins-Crumb"].ToString();
        if (sent.Length == 0) sent = context.Request.Query["Jenkins-Crumb"].ToString();
        var session = CurrentSession(context);
        return sent.Length > 0 && session is not null && sent == Crumb(caller, ClientIp(context), session);
    }

    private string Crumb(Caller caller, string ip, string session)
    {
        var input = Encoding.UTF8.GetBytes($"{caller.Name};{ip};{session}");
        return Convert.ToHexStringLower(SHA256.HashData([.. input, .. _salt]));
    }

    private static string ClientIp(HttpContext context)
    {
        var forwarded = context.Request.Headers["X-Forwarded-For"].ToString();
        return forwarded.Length > 0 ? forwarded.Split(',')[0].Trim() : context.Connection.RemoteIpAddress?.ToString() ?? "";
    }
}
