using CiBridge.Sandbox.Jenkins;

namespace CiBridge.Sandbox.Host;

/// <summary>
/// The Jenkins the sandbox's endpoint points at: the stand-in with its example jobs, or a real one
/// given with <c>--jenkins-url</c>, <c>--jenkins-user</c> and <c>--jenkins-token-file</c>.
/// </summary>
internal sealed record SandboxJenkins(Uri Url, string User, string Token, JenkinsStandIn? StandIn) : IAsyncDisposable
{
    public static async Task<SandboxJenkins> StartAsync(SandboxOptions options, CancellationToken ct)
    {
        if (options.JenkinsUrl is { } url)
        {
            // SandboxOptions.Validate checked that user and token file are given.
            var token = (await File.ReadAllTextAsync(options.JenkinsTokenFile!.FullName, ct)).Trim();
            if (token.Length == 0) throw new SandboxException($"--jenkins-token-file: {options.JenkinsTokenFile.FullName} is empty");
            return new SandboxJenkins(url, options.JenkinsUser!, token, null);
        }
        var standIn = await JenkinsStandIn.StartAsync(new JenkinsStandInOptions { Port = options.JenkinsPort }, ct);
        JenkinsStandInExample.Apply(standIn);
        return new SandboxJenkins(standIn.BaseAddress, JenkinsStandInExample.User, JenkinsStandInExample.ApiToken, standIn);
    }

    public async ValueTask DisposeAsync()
    {
        if (StandIn is not null) await StandIn.DisposeAsync();
    }

    /// <summary>
    /// Where the samples point, and for the stand-in its example credentials (published in its
    /// source, no secret), so that anyone can repair or reuse them by hand; a real token never shows.
    /// </summary>
    public override string ToString() => StandIn is null
        ? $"{Url} as {User}"
        : $"{Url} (stand-in with example jobs; user {User}, API token {Token})";
}

/// <summary>A sandbox setting the user got wrong; shown as a message, never as a stack trace.</summary>
internal sealed class SandboxException(string message) : Exception(message);
