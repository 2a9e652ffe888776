using CiBridge.Jenkins.Models;

namespace CiBridge.Jenkins;

/// <summary>
/// One Jenkins endpoint's remote-access API. Failures throw <see cref="Errors.JenkinsException"/>
/// with a <see cref="Errors.JenkinsErrorKind"/>; messages never contain credentials.
/// </summary>
public interface IJenkinsClient : IJenkinsJobs, IJenkinsQueue, IJenkinsBuilds, IDisposable
{
    /// <summary>Checks reachability, identity and permissions; never throws for server-side failures.</summary>
    Task<VerifyOutcome> VerifyAsync(CancellationToken ct);
}
