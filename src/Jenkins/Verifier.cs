using System.Text.Json;
using CiBridge.Jenkins.Errors;
using CiBridge.Jenkins.Http;
using CiBridge.Jenkins.Models;
using CiBridge.Jenkins.Wire;

namespace CiBridge.Jenkins;

/// <summary>
/// The "Verify" button: <c>/whoAmI/api/json</c> (always readable: proves the credentials and that
/// this is a Jenkins via <c>X-Jenkins</c>), then <c>/api/json</c> (Overall/Read, crumbs in use),
/// then, for password auth, a crumb.
/// </summary>
internal sealed class Verifier(JenkinsTransport transport)
{
    public async Task<VerifyOutcome> VerifyAsync(CancellationToken ct)
    {
        try
        {
            var whoAmI = await transport.GetAsync("whoAmI/api/json", ct);
            if (whoAmI.Version is null)
            {
                return new VerifyOutcome(VerifyStatus.NotJenkins, $"{transport.BaseUrl} answered without an X-Jenkins header; is this the Jenkins base URL?");
            }
            var (user, anonymous) = WireReader.Read(whoAmI.Body, "whoAmI/api/json",
                identity => (WireReader.Text(identity, "name"), WireReader.Property(identity, "anonymous")?.GetValueKind() == JsonValueKind.True));
            if (anonymous)
            {
                return new VerifyOutcome(VerifyStatus.Anonymous, "Jenkins treated the credentials as anonymous (is security disabled?)", whoAmI.Version, user);
            }
            var root = await transport.GetAsync("api/json?tree=useCrumbs,useSecurity", ct);
            var crumbs = WireReader.Read(root.Body, "api/json", json => WireReader.Property(json, "useCrumbs")?.GetValueKind() == JsonValueKind.True);
            if (crumbs && IsPassword) await new CrumbProbe(transport).ProbeAsync(ct);
            return new VerifyOutcome(VerifyStatus.Verified, $"authenticated as {user} on Jenkins {whoAmI.Version}", whoAmI.Version, user, crumbs);
        }
        catch (JenkinsException e)
        {
            return new VerifyOutcome(Status(e), e.Message);
        }
    }

    private bool IsPassword => transport.AuthType == JenkinsAuthType.Password;

    private static VerifyStatus Status(JenkinsException error) => error.Kind switch
    {
        JenkinsErrorKind.Dns => VerifyStatus.DnsFailure,
        JenkinsErrorKind.Tls => VerifyStatus.TlsError,
        JenkinsErrorKind.Timeout => VerifyStatus.Timeout,
        JenkinsErrorKind.Unauthorized => VerifyStatus.Unauthorized,
        JenkinsErrorKind.Forbidden => VerifyStatus.Forbidden,
        JenkinsErrorKind.NotJenkins or JenkinsErrorKind.NotFound or JenkinsErrorKind.ResponseTooLarge => VerifyStatus.NotJenkins,
        JenkinsErrorKind.LoginRedirect => VerifyStatus.LoginRedirect,
        JenkinsErrorKind.Server => VerifyStatus.ServerError,
        _ => VerifyStatus.Unreachable,
    };
}
