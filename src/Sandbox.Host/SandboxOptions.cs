namespace CiBridge.Sandbox.Host;

/// <summary>The sandbox program's flags.</summary>
internal sealed record SandboxOptions
{
    public required FileInfo Kubeconfig { get; init; }

    public int ApiPort { get; init; }

    public int JenkinsPort { get; init; }

    public Uri? JenkinsUrl { get; init; }

    public string? JenkinsUser { get; init; }

    public FileInfo? JenkinsTokenFile { get; init; }

    /// <summary>Namespace the samples go to.</summary>
    public string Namespace { get; init; } = "default";

    /// <summary>The folder of the kubeconfig, where the sandbox also keeps the webhook's certificate.</summary>
    public string StateDirectory => Kubeconfig.DirectoryName!;

    /// <summary>
    /// Parses <c>--jenkins-url</c> (with or without a trailing slash); a wrong value is a
    /// <see cref="SandboxException"/> naming the option, never a parser's stack trace.
    /// </summary>
    public static Uri? ParseJenkinsUrl(string? text)
    {
        if (text is null) return null;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || url.Host.Length == 0)
        {
            throw new SandboxException($"--jenkins-url must be an http(s) URL such as http://127.0.0.1:8080/, not '{text}'");
        }
        return url;
    }

    /// <summary>Checks the flags that only make sense together, before anything starts.</summary>
    public void Validate()
    {
        if (JenkinsUrl is null) return;
        if (JenkinsUser is null || JenkinsTokenFile is null)
        {
            throw new SandboxException("--jenkins-url needs --jenkins-user and --jenkins-token-file");
        }
        if (!JenkinsTokenFile.Exists) throw new SandboxException($"--jenkins-token-file: {JenkinsTokenFile.FullName} does not exist");
    }
}
