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
            if (options.JenkinsUser is null || options.JenkinsTokenFile is null)
            {
                throw new SandboxException("--jenkins-url needs --jenkins-user and --jenkins-token-file");
            }
            if (!options.JenkinsTokenFile.Exists) throw new SandboxException($"token file {options.JenkinsTokenFile.FullName} does not exist");
            var token = (await File.ReadAllTextAsync(options.JenkinsTokenFile.FullName, ct)).Trim();
            return new SandboxJenkins(url, options.JenkinsUser, token, null);
        }
        var standIn = await JenkinsStandIn.StartAsync(new JenkinsStandInOptions { Port = options.JenkinsPort }, ct);
        JenkinsStandInExample.Apply(standIn);
        return new SandboxJenkins(standIn.BaseAddress, JenkinsStandInExample.User, JenkinsStandInExample.ApiToken, standIn);
    }

    public async ValueTask DisposeAsync()
    {
        if (StandIn is not null) await StandIn.DisposeAsync();
    }

    public override string ToString() => $"Jenkins {Url} as {User}";
}

/// <summary>A sandbox setting the user got wrong; shown as a message, never as a stack trace.</summary>
internal sealed class SandboxException(string message) : Exception(message);
