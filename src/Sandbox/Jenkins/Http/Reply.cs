using System.Text.Json.Nodes;

namespace CiBridge.Sandbox.Jenkins.Http;

/// <summary>A response decided under the world's lock and written after it is released.</summary>
internal sealed record Reply(ReplyKind Kind, int Status, JsonNode? Json = null, string? Text = null, string? Location = null)
{
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gzip the body when it is over 4096 bytes and the client accepts gzip (LargeText, L2).</summary>
    public bool GzipLarge { get; init; }

    public static Reply Ok(JsonNode json) => new(ReplyKind.Json, 200, json);

    public static Reply Plain(string text) => new(ReplyKind.Text, 200, Text: text);

    public static Reply Page(string title) => new(ReplyKind.Page, 200, Text: title);

    public static Reply Redirect(int status, string location) => new(ReplyKind.Redirect, status, Location: location);

    public static Reply Empty(int status) => new(ReplyKind.Empty, status);

    public static Reply Oops(int status, string message) => new(ReplyKind.Oops, status, Text: message);

    public static Reply NotFound() => Oops(404, "Not found");

    public static Reply Jetty(int status, string message) => new(ReplyKind.Jetty, status, Text: message);

    public static Reply NoValidCrumb() => Jetty(403, "No valid crumb was included in the request");

    public static Reply Unauthorized() => new(ReplyKind.Unauthorized, 401);

    public static Reply Forbidden(Caller caller, string permission) => new(ReplyKind.Forbidden, 403, Text: permission, Location: caller.User?.Id);

    public static Reply PostOnly() => new(ReplyKind.MethodNotAllowed, 405);

    public static Reply Login() => new(ReplyKind.Login, 200);
}
