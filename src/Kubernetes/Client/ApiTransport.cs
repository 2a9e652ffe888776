using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CiBridge.Kubernetes.Configuration;
using CiBridge.Kubernetes.Queue;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace CiBridge.Kubernetes.Client;

/// <summary>How a request may be retried.</summary>
internal enum RequestKind
{
    /// <summary>GET, and server-side apply: safe to repeat after a 5xx or a broken connection.</summary>
    Idempotent,

    /// <summary>POST, PUT, merge/JSON patch, DELETE: retried only on 429, which the server answers before doing anything.</summary>
    Unsafe,

    /// <summary>A watch: idempotent to open, then streamed without a request timeout.</summary>
    Stream,
}

/// <summary>
/// Sends requests through the client-side rate limit (a token bucket: QPS and burst; requests in a
/// <see cref="RequestPriority.Ahead"/> scope are served first) and a Polly
/// pipeline: per-attempt timeout, and retries with jittered exponential back-off only where safe,
/// honouring <c>Retry-After</c> on 429.
/// </summary>
internal sealed class ApiTransport : IDisposable
{
    private static readonly TimeSpan s_maxRetryAfter = TimeSpan.FromMinutes(1);
    private readonly HttpClient _http;
    private readonly string _base;
    private readonly PriorityLimiter _limiter;
    private readonly ResiliencePipeline<HttpResponseMessage> _idempotent;
    private readonly ResiliencePipeline<HttpResponseMessage> _unsafe;
    private readonly ResiliencePipeline<HttpResponseMessage> _stream;

    public ApiTransport(KubernetesClientConfiguration config, KubernetesClientOptions options, TimeProvider time, HttpMessageHandler? inner)
    {
        HttpMessageHandler handler = inner ?? HttpHandlerFactory.Create(config);
        if (config.Credentials is not null) handler = new AuthenticationHandler(config.Credentials, handler);
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
        _base = config.Server.ToString().TrimEnd('/');
        _limiter = new PriorityLimiter(options.Qps, options.Burst, time);
        _idempotent = Build(options, time, idempotent: true, options.RequestTimeout);
        _unsafe = Build(options, time, idempotent: false, options.RequestTimeout);
        _stream = Build(options, time, idempotent: true, timeout: null);
    }

    public async Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string pathAndQuery, string? body, string? contentType, RequestKind kind, CancellationToken ct)
    {
        var pipeline = kind switch { RequestKind.Idempotent => _idempotent, RequestKind.Stream => _stream, _ => _unsafe };
        var completion = kind == RequestKind.Stream ? HttpCompletionOption.ResponseHeadersRead : HttpCompletionOption.ResponseContentRead;
        return await pipeline.ExecuteAsync(async token =>
        {
            await _limiter.WaitAsync(RequestPriority.IsAhead, token);
            using var request = new HttpRequestMessage(method, _base + pathAndQuery);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, MediaTypeHeaderValue.Parse(contentType!));
            return await _http.SendAsync(request, completion, token);
        }, ct);
    }

    public void Dispose()
    {
        _http.Dispose();
        _limiter.Dispose();
    }

    private static ResiliencePipeline<HttpResponseMessage> Build(
        KubernetesClientOptions options, TimeProvider time, bool idempotent, TimeSpan? timeout)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                MaxDelay = TimeSpan.FromSeconds(10),
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, idempotent)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result)),
            });
        }
        if (timeout is { } perAttempt) builder.AddTimeout(perAttempt);
        return builder.Build();
    }

    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, bool idempotent)
    {
        if (outcome.Exception is { } e) return idempotent && e is HttpRequestException or TimeoutRejectedException or IOException;
        var code = (int)outcome.Result!.StatusCode;
        return code == 429 || (idempotent && code >= 500 && code != 501);
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage? response)
    {
        if (response is null || (response.StatusCode != HttpStatusCode.TooManyRequests && (int)response.StatusCode < 500)) return null;
        var delta = response.Headers.RetryAfter?.Delta;
        if (delta is null) return null;
        return delta > s_maxRetryAfter ? s_maxRetryAfter : delta;
    }
}
