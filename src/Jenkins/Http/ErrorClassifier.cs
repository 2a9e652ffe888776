using System.Security.Authentication;
using CiBridge.Jenkins.Errors;

namespace CiBridge.Jenkins.Http;

/// <summary>Turns transport failures and HTTP statuses into <see cref="JenkinsException"/>s.</summary>
internal static class ErrorClassifier
{
    public static JenkinsException FromTransport(Exception error, string what) => error switch
    {
        HttpRequestException { InnerException: RefusedAddressException refused } =>
            new(JenkinsErrorKind.InvalidRequest, $"{what}: not connecting: {refused.Message}", inner: error),
        HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } =>
            new(JenkinsErrorKind.Dns, $"{what}: the host name could not be resolved", inner: error),
        HttpRequestException e when e.HttpRequestError == HttpRequestError.SecureConnectionError || e.InnerException is AuthenticationException =>
            new(JenkinsErrorKind.Tls, $"{what}: TLS failed ({Innermost(e)}); check the CA bundle or the server certificate", inner: error),
        HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded } =>
            new(JenkinsErrorKind.Unreachable, $"{what}: the connection closed before a response arrived", inner: error),
        _ => new(JenkinsErrorKind.Unreachable, $"{what}: {Innermost(error)}", inner: error),
    };

    public static JenkinsException FromResponse(JenkinsResponse response, string what)
    {
        var status = response.Status;
        return status switch
        {
            >= 300 and < 400 when LooksLikeLogin(response.Location) =>
                new(JenkinsErrorKind.LoginRedirect, $"{what}: redirected to a login page ({Shown(response.Location)}); an SSO proxy may be in front of Jenkins", status),
            >= 300 and < 400 => new(JenkinsErrorKind.Server, $"{what}: unexpected redirect {status} to {Shown(response.Location)}", status),
            401 => new(JenkinsErrorKind.Unauthorized, $"{what}: 401 Unauthorized; check the user name and the API token or password", status),
            403 => new(JenkinsErrorKind.Forbidden, $"{what}: 403 Forbidden{Permission(response)}", status),
            404 => new(JenkinsErrorKind.NotFound, $"{what}: 404 Not Found", status),
            409 => new(JenkinsErrorKind.Conflict, $"{what}: 409 Conflict (is the job disabled?)", status),
            502 or 503 or 504 => new(JenkinsErrorKind.Server, $"{what}: {status} from Jenkins or a proxy in front of it", status),
            _ => new(JenkinsErrorKind.Server, $"{what}: unexpected status {status}", status),
        };
    }

    private static bool LooksLikeLogin(Uri? location) =>
        location is not null && (location.OriginalString.Contains("login", StringComparison.OrdinalIgnoreCase)
            || location.OriginalString.Contains("signin", StringComparison.OrdinalIgnoreCase)
            || location.OriginalString.Contains("auth", StringComparison.OrdinalIgnoreCase));

    /// <summary>Where a redirect points, without its query (which may carry tokens); Location may be relative.</summary>
    private static string? Shown(Uri? location) =>
        location is null ? null : location.IsAbsoluteUri ? location.GetLeftPart(UriPartial.Path) : location.OriginalString.Split('?')[0];

    private static string Permission(JenkinsResponse response) =>
        response.RequiredPermission is { } permission ? $" (missing permission {permission})" : "";

    private static string Innermost(Exception error)
    {
        while (error.InnerException is not null) error = error.InnerException;
        return error.Message;
    }
}
