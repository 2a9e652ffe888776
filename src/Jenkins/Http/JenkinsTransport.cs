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
    private readonly JenkinsMetrics? _metrics;

    public JenkinsTransport(JenkinsEndpointSettings settings, TimeProvider time, ILogger logger, Func<System.Net.IPAddress, bool>? refusedAddress = null, JenkinsMetrics? metrics = null)
    {
        _settings = settings;
        _metrics = metrics;
        Options = settings.Options ?? new JenkinsClientOptions();
        BaseUrl = WithoutUserInfo(settings.NormalizedBaseUrl);
        _http = new HttpClient(HandlerFactory.Create(settings, refusedAddress)) { Timeout = Timeout.InfiniteTimeSpan };
        _pipelines = new ResiliencePipelines(Options, time);
        _limit = new SemaphoreSlim(Math.Max(1, Options.MaxConcurrency));
        _time = time;
        _logger = logger;
        _authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.UserName}:{settings.Secret}")));
        _crumbs = new CrumbStore(this);
    }

    public Uri BaseUrl { get; }
    public JenkinsClientOptions Options { get; }
    public JenkinsAuthType AuthType => _settings.AuthType;

    /// <summary>The user requests are sent as (the id Jenkins records in a build's cause).</summary>
    public string UserName => _settings.UserName;
    public CrumbStore Crumbs => _crumbs;

    /// <summary>GET with retries; non-2xx throws. Without <paramref name="maxBodyBytes"/> the answer is
    /// JSON and must arrive whole within <see cref="JenkinsClientOptions.MaxJsonBytes"/>; with it, the
    /// caller takes a truncated body (console chunks).</summary>
    public Task<JenkinsResponse> GetAsync(string relative, CancellationToken ct, int? maxBodyBytes = null)
    {
        var request = new JenkinsRequest(HttpMethod.Get, relative, MaxBodyBytes: maxBodyBytes);
        return _pipelines.Retry.ExecuteAsync(async token => Whole(await AttemptAsync(request, throwOnError: true, token), request), ct).AsTask();
    }

    /// <summary>POST once (no blind retry); statuses in <paramref name="accepted"/> or 2xx succeed.</summary>
    public async Task<JenkinsResponse> PostAsync(string relative, IReadOnlyDictionary<string, string>? form, int[] accepted, CancellationToken ct)
    {
        var crumb = _settings.AuthType == JenkinsAuthType.Password ? await _crumbs.GetAsync(ct) : null;
        var request = new JenkinsRequest(HttpMethod.Post, relative, form, crumb);
        var response = await AttemptAsync(request, throwOnError: false, ct);
        if (response.IsCrumbRejection)
        {
            Log.CrumbRefresh(_logger, request.Path);
            _crumbs.Invalidate();
            request = request with { Crumb = await _crumbs.GetAsync(ct) };
            response = await AttemptAsync(request, throwOnError: false, ct);
        }
        if (response.IsSuccess || accepted.Contains(response.Status)) return response;
        throw Logged(ErrorClassifier.FromResponse(response, Describe(request)), request);
    }

    public void Dispose()
    {
        _http.Dispose();
        _limit.Dispose();
    }

    /// <summary>One attempt: concurrency slot, then circuit breaker and timeout around the send.</summary>
    private async Task<JenkinsResponse> AttemptAsync(JenkinsRequest request, bool throwOnError, CancellationToken ct)
    {
        await _limit.WaitAsync(ct);
        try
        {
            return await _pipelines.Core.ExecuteAsync(async token => await SendOnceAsync(request, throwOnError, token), ct);
        }
        catch (TimeoutRejectedException e)
        {
            var message = $"{Describe(request)}: no answer within {Options.RequestTimeout.TotalSeconds:0.#} s";
            throw Logged(new JenkinsException(JenkinsErrorKind.Timeout, message, inner: e), request);
        }
        catch (BrokenCircuitException e)
        {
            var message = $"{Describe(request)}: not sent, too many recent failures (circuit open)";
            throw Logged(new JenkinsException(JenkinsErrorKind.Unreachable, message, inner: e), request);
        }
        finally
        {
            _limit.Release();
        }
    }

    private async ValueTask<JenkinsResponse> SendOnceAsync(JenkinsRequest request, bool throwOnError, CancellationToken ct)
    {
        using var message = CreateMessage(request);
        var started = _time.GetTimestamp();
        JenkinsResponse response;
        try
        {
            using var answer = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, ct);
            response = await ResponseReader.ReadAsync(answer, request.MaxBodyBytes ?? Options.MaxJsonBytes, ct);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            var error = ErrorClassifier.FromTransport(e, Describe(request));
            _metrics?.Record(BaseUrl, request.Method.Method, error.Kind.ToString(), _time.GetElapsedTime(started));
            throw Logged(error, request);
        }
        _metrics?.Record(BaseUrl, request.Method.Method, response.Status.ToString(System.Globalization.CultureInfo.InvariantCulture), _time.GetElapsedTime(started));
        var elapsed = (long)_time.GetElapsedTime(started).TotalMilliseconds;
        Log.Answered(_logger, request.Method.Method, request.Path, response.Status, elapsed);
        if (throwOnError && !response.IsSuccess) throw Logged(ErrorClassifier.FromResponse(response, Describe(request)), request);
        return response;
    }

    private JenkinsResponse Whole(JenkinsResponse response, JenkinsRequest request)
    {
        if (!response.Truncated || request.MaxBodyBytes is not null) return response;
        var message = $"{Describe(request)}: the answer is larger than {Options.MaxJsonBytes:N0} bytes (the client's limit); reading stopped there";
        throw Logged(new JenkinsException(JenkinsErrorKind.ResponseTooLarge, message, response.Status), request);
    }

    private HttpRequestMessage CreateMessage(JenkinsRequest request)
    {
        var message = new HttpRequestMessage(request.Method, new Uri(BaseUrl, request.Relative));
        message.Headers.Authorization = _authorization;
        message.Headers.Accept.ParseAdd("application/json");
        foreach (var (name, value) in _settings.Headers) message.Headers.TryAddWithoutValidation(name, value);
        if (request.Crumb is { } crumb) message.Headers.TryAddWithoutValidation(crumb.Field, crumb.Value);
        if (request.Method == HttpMethod.Post) message.Content = new FormUrlEncodedContent(request.Form ?? new Dictionary<string, string>());
        return message;
    }

    private JenkinsException Logged(JenkinsException error, JenkinsRequest request)
    {
        Log.Failed(_logger, request.Method.Method, request.Path, error.Kind, error.Message);
        return error;
    }

    private string Describe(JenkinsRequest request) => $"{request.Method.Method} {new Uri(BaseUrl, request.Path)}";

    private static Uri WithoutUserInfo(Uri url) =>
        url.UserInfo.Length == 0 ? url : new UriBuilder(url) { UserName = "", Password = "" }.Uri;
}
