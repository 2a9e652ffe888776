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
}
