using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CiBridge.Sandbox.Jenkins;

namespace CiBridge.Sandbox.Tests.Jenkins;

/// <summary>A raw HTTP client for wire-level checks: no redirects followed, cookies kept.</summary>
internal sealed class StandInHttp : IDisposable
{
    private readonly HttpClient _http;

    public StandInHttp(Uri baseAddress, string? user = null, string? secret = null)
    {
        _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = baseAddress };
        if (user is not null)
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{secret}")));
        }
    }

    public static StandInHttp Token(Uri baseAddress) => new(baseAddress, JenkinsStandInExample.User, JenkinsStandInExample.ApiToken);

    public static StandInHttp Password(Uri baseAddress) => new(baseAddress, JenkinsStandInExample.User, JenkinsStandInExample.Password);

    /// <summary>The underlying client, for requests the helpers here do not shape.</summary>
    public HttpClient Raw => _http;

    public Task<HttpResponseMessage> GetAsync(string relative) => _http.GetAsync(relative, TestContext.Current.CancellationToken);

    public async Task<JsonNode> JsonAsync(string relative)
    {
        using var response = await GetAsync(relative);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
    }

    public Task<HttpResponseMessage> PostAsync(string relative, IDictionary<string, string>? form = null, string? crumb = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, relative) { Content = new FormUrlEncodedContent(form ?? new Dictionary<string, string>()) };
        if (crumb is not null) request.Headers.Add("Jenkins-Crumb", crumb);
        return _http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public void Dispose() => _http.Dispose();
}
