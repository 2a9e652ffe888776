using System.Net;
using System.Net.Http.Headers;
using CiBridge.Kubernetes.Configuration;

namespace CiBridge.Kubernetes.Client;

/// <summary>Adds the bearer token to each request; a 401 drops the cached token so the next request fetches a new one.</summary>
internal sealed class AuthenticationHandler(ICredentialSource credentials, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (await credentials.GetTokenAsync(cancellationToken) is { Length: > 0 } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized) credentials.Invalidate();
        return response;
    }
}
