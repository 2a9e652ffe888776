namespace CiBridge.Sandbox.Jenkins.Http;

/// <summary>The shapes of <see cref="Reply"/>.</summary>
internal enum ReplyKind
{
    Json,
    Text,
    Page,
    Redirect,
    Empty,
    Oops,
    Jetty,
    Unauthorized,
    Forbidden,
    MethodNotAllowed,
    Login,
}
