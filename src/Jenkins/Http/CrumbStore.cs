using System.Text.Json.Nodes;
using CiBridge.Jenkins.Errors;

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
            var json = JsonNode.Parse(response.Body);
            var field = json?["crumbRequestField"]?.GetValue<string>() ?? "Jenkins-Crumb";
            var value = json?["crumb"]?.GetValue<string>();
            return value is null ? null : new Crumb(field, value);
        }
        catch (JenkinsException e) when (e.Kind == JenkinsErrorKind.NotFound)
        {
            return null;
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new JenkinsException(JenkinsErrorKind.NotJenkins, "crumbIssuer/api/json did not answer Jenkins JSON", inner: e);
        }
    }
}
