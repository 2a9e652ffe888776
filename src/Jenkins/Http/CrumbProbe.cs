namespace CiBridge.Jenkins.Http;

/// <summary>Fetches a crumb during verification so a broken crumb issuer shows up before a trigger.</summary>
internal sealed class CrumbProbe(JenkinsTransport transport)
{
    public Task ProbeAsync(CancellationToken ct) => transport.Crumbs.GetAsync(ct);
}
