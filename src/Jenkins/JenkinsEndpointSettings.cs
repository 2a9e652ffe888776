namespace CiBridge.Jenkins;

/// <summary>Where a Jenkins is and how to talk to it. <see cref="ToString"/> never shows secrets.</summary>
public sealed record JenkinsEndpointSettings
{
    /// <summary>Base URL, may include a path prefix (<c>https://ci.example.com/jenkins/</c>).</summary>
    public required Uri BaseUrl { get; init; }

    /// <summary>Token (default) or Password.</summary>
    public JenkinsAuthType AuthType { get; init; } = JenkinsAuthType.Token;

    /// <summary>The Jenkins user id.</summary>
    public required string UserName { get; init; }

    /// <summary>The API token or password (by <see cref="AuthType"/>).</summary>
    public required string Secret { get; init; }

    /// <summary>Extra headers sent on every request (e.g. Cloudflare Access service tokens). Values are secret.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>PEM CA certificates to trust instead of the system store.</summary>
    public string? CaBundlePem { get; init; }

    /// <summary>Accept any server certificate. Opt-in, for tests only.</summary>
    public bool InsecureSkipTlsVerify { get; init; }

    /// <summary>An HTTP proxy; null uses the environment's proxy settings.</summary>
    public Uri? Proxy { get; init; }

    /// <summary>Timeouts, retries, breaker and limits; null uses the defaults.</summary>
    public JenkinsClientOptions? Options { get; init; }

    /// <summary>The base URL, always ending in '/'.</summary>
    public Uri NormalizedBaseUrl => BaseUrl.AbsoluteUri.EndsWith('/') ? BaseUrl : new Uri(BaseUrl.AbsoluteUri + "/");

    /// <inheritdoc/>
    public override string ToString() =>
        $"JenkinsEndpointSettings {{ BaseUrl = {BaseUrl.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.UserInfo, UriFormat.UriEscaped)}, AuthType = {AuthType}, UserName = {UserName}, Secret = ***, Headers = [{string.Join(", ", Headers.Keys)}] }}";
}
