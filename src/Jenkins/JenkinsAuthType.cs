namespace CiBridge.Jenkins;

/// <summary>How the client authenticates.</summary>
public enum JenkinsAuthType
{
    /// <summary>Basic auth with the user and an API token; exempt from CSRF crumbs.</summary>
    Token,

    /// <summary>Basic auth with the user's password; POSTs need a crumb bound to a web session.</summary>
    Password,
}
