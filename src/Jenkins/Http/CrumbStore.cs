using CiBridge.Jenkins.Errors;
using CiBridge.Jenkins.Wire;

namespace CiBridge.Jenkins.Http;

/// <summary>Caches the crumb of this client's web session (the session cookie lives in the
/// handler's cookie container). A 404 from the issuer means CSRF protection is off.</summary>
internal sealed class CrumbStore(JenkinsTransport transport)
{
    private Task<Crumb?>? _current;

    public Task<Crumb?> GetAsync(CancellationToken ct)
    {
        var current = _current;
        if (current is { IsFaulted: false, IsCanceled: false }) return current;
        return _current = FetchAsync(ct);
    }

    public void Invalidate() => _current = null;

    private async Task<Crumb?> FetchAsync(CancellationToken ct)
    {
        try
        {
            var response = await transport.GetAsync("crumbIssuer/api/json", ct);
            return WireReader.Read(response.Body, "crumbIssuer/api/json", json =>
                WireReader.Text(json, "crumb") is { } value ? new Crumb(WireReader.Text(json, "crumbRequestField") ?? "Jenkins-Crumb", value) : null);
        }
        catch (JenkinsException e) when (e.Kind == JenkinsErrorKind.NotFound)
        {
            return null;
        }
    }
}
