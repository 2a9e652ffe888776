namespace CiBridge.Jenkins.Http;

/// <summary>One request to send: method, path relative to the base URL, form body, crumb, body limit.</summary>
internal sealed record JenkinsRequest(HttpMethod Method, string Relative, IReadOnlyDictionary<string, string>? Form = null, Crumb? Crumb = null, int? MaxBodyBytes = null)
{
    /// <summary>The path without the query (what logs and messages show).</summary>
    public string Path => Relative.Split('?')[0];
}
