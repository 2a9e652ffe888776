using System.Net.Http.Headers;
using System.Text;
using CiBridge.Jenkins.Errors;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace CiBridge.Jenkins.Http;

/// <summary>
/// Sends requests to one endpoint: preemptive Basic auth, extra headers, concurrency limit, Polly,
/// crumbs for POSTs (refreshed once on "No valid crumb"), and error classification.
/// </summary>
internal sealed class JenkinsTransport : IDisposable
{
    private readonly HttpClient _http;
    private readonly JenkinsEndpointSettings _settings;
    private readonly ResiliencePipelines _pipelines;
    private readonly SemaphoreSlim _limit;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly AuthenticationHeaderValue _authorization;
    private readonly CrumbStore _crumbs;

    public JenkinsTransport(JenkinsEndpointSettings settings, TimeProvider time, ILogger logger, HttpMessageHandler? handler = null)
    {
        _settings = settings;
        Options = settings.Options ?? new JenkinsClientOptions();
        BaseUrl = WithoutUserInfo(settings.NormalizedBaseUrl);
        _http = new HttpClient(handler ?? HandlerFactory.Create(settings)) { Timeout = Timeout.InfiniteTimeSpan };
        _pipelines = new ResiliencePipelines(Options, time);
        _limit = new SemaphoreSlim(Math.Max(1, Options.MaxConcurrency));
        _time = time;
        _logger = logger;
        _authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.UserName}:{settings.Secret}")));
        _crumbs = new CrumbStore(this);
    }

    /// <summary>Largest JSON answer read (a huge Jenkins with tree= selections stays far below).</summary>
    public const int MaxJsonBytes = 64 << 20;

    public Uri BaseUrl { get; }
    public JenkinsClientOptions Options { get; }
    public JenkinsAuthType AuthType => _settings.AuthType;
    public CrumbStore Crumbs => _crumbs;

    /// <summary>GET with retries; non-2xx throws.</summary>
    public Task<JenkinsResponse> GetAsync(string relative, CancellationToken ct, int? maxBodyBytes = null) =>
        _pipelines.Retry.ExecuteAsync(
            async token => await AttemptAsync(HttpMethod.Get, relative, null, null, maxBodyBytes, throwOnError: true, token),
            ct).AsTask();

    /// <summary>POST once (no blind retry); statuses in <paramref name="accepted"/> or 2xx succeed.</summary>
    public async Task<JenkinsResponse> PostAsync(string relative, IReadOnlyDictionary<string, string>? form, int[] accepted, CancellationToken ct)
    {
        var crumb = _settings.AuthType == JenkinsAuthType.Password ? await _crumbs.GetAsync(ct) : null;
        var response = await AttemptAsync(HttpMethod.Post, relative, form, crumb, null, throwOnError: false, ct);
        if (response.IsCrumbRejection)
        {
            var path = PathOf(relative);
            Log.CrumbRefresh(_logger, path);
            _crumbs.Invalidate();
            crumb = await _crumbs.GetAsync(ct);
            response = await AttemptAsync(HttpMethod.Post, relative, form, crumb, null, throwOnError: false, ct);
        }
        if (response.IsSuccess || accepted.Contains(response.Status)) return response;
        throw Logged(ErrorClassifier.FromResponse(response, Describe(HttpMethod.Post, relative)), HttpMethod.Post, relative);
    }

    public void Dispose()
    {
        _http.Dispose();
        _limit.Dispose();
    }

    private async Task<JenkinsResponse> AttemptAsync(
        HttpMethod method, string relative, IReadOnlyDictionary<string, string>? form, Crumb? crumb, int? maxBodyBytes, bool throwOnError, CancellationToken ct)
    {
        var what = Describe(method, relative);
        await _limit.WaitAsync(ct);
        try
        {
            return await _pipelines.Core.ExecuteAsync(
                async token => await SendOnceAsync(method, relative, form, crumb, maxBodyBytes, throwOnError, token),
                ct);
        }
        catch (TimeoutRejectedException e)
        {
            throw Logged(new JenkinsException(JenkinsErrorKind.Timeout, $"{what}: no answer within {Options.RequestTimeout.TotalSeconds:0.#} s", inner: e), method, relative);
        }
        catch (BrokenCircuitException e)
        {
            throw Logged(new JenkinsException(JenkinsErrorKind.Unreachable, $"{what}: not sent, too many recent failures (circuit open)", inner: e), method, relative);
        }
        finally
        {
            _limit.Release();
        }
    }

    private async ValueTask<JenkinsResponse> SendOnceAsync(
        HttpMethod method, string relative, IReadOnlyDictionary<string, string>? form, Crumb? crumb, int? maxBodyBytes, bool throwOnError, CancellationToken ct)
    {
        using var request = CreateRequest(method, relative, form, crumb);
        var started = _time.GetTimestamp();
        JenkinsResponse response;
        try
        {
            using var message = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            response = await ResponseReader.ReadAsync(message, maxBodyBytes ?? MaxJsonBytes, ct);
        }
        catch (HttpRequestException e)
        {
            throw Logged(ErrorClassifier.FromTransport(e, Describe(method, relative)), method, relative);
        }
        catch (IOException e)
        {
            throw Logged(ErrorClassifier.FromTransport(e, Describe(method, relative)), method, relative);
        }
        var elapsed = (long)_time.GetElapsedTime(started).TotalMilliseconds;
        var logPath = PathOf(relative);
        Log.Answered(_logger, method.Method, logPath, response.Status, elapsed);
        if (throwOnError && !response.IsSuccess) throw Logged(ErrorClassifier.FromResponse(response, Describe(method, relative)), method, relative);
        return response;
    }

    private HttpRequestMessage CreateRequest(HttpMethod method, string relative, IReadOnlyDictionary<string, string>? form, Crumb? crumb)
    {
        var request = new HttpRequestMessage(method, new Uri(BaseUrl, relative));
        request.Headers.Authorization = _authorization;
        request.Headers.Accept.ParseAdd("application/json");
        foreach (var (name, value) in _settings.Headers) request.Headers.TryAddWithoutValidation(name, value);
        if (crumb is not null) request.Headers.TryAddWithoutValidation(crumb.Field, crumb.Value);
        if (method == HttpMethod.Post) request.Content = new FormUrlEncodedContent(form ?? new Dictionary<string, string>());
        return request;
    }

    private JenkinsException Logged(JenkinsException error, HttpMethod method, string relative)
    {
        Log.Failed(_logger, method.Method, PathOf(relative), error.Kind, error.Message);
        return error;
    }

    private string Describe(HttpMethod method, string relative) => $"{method.Method} {new Uri(BaseUrl, PathOf(relative))}";

    private static string PathOf(string relative) => relative.Split('?')[0];

    private static Uri WithoutUserInfo(Uri url) =>
        url.UserInfo.Length == 0 ? url : new UriBuilder(url) { UserName = "", Password = "" }.Uri;
}
