using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CiBridge.Operator.Benchmarks;

/// <summary>
/// A pass-through in front of the Jenkins stand-in that notes when each trigger arrives (before the
/// stand-in's latency starts) and counts every request, so the harness measures from outside.
/// </summary>
internal sealed class JenkinsProxy : IAsyncDisposable
{
    public const string JobGet = "GET job/…/api/json";
    public const string Trigger = "POST job/…/buildWithParameters";

    private readonly HttpClient _upstream;
    private readonly Uri _target;
    private readonly Channel<long> _triggers = Channel.CreateUnbounded<long>();
    private WebApplication? _app;
    private readonly ConcurrentDictionary<string, long> _byKind = new(StringComparer.Ordinal);
    private long _requests;
    private long _triggersAnswered;
    private long _triggerTicks;

    private JenkinsProxy(Uri target)
    {
        _target = target;
        _upstream = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, MaxConnectionsPerServer = 256 });
    }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Requests received so far.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    public static async Task<JenkinsProxy> StartAsync(Uri target)
    {
        var proxy = new JenkinsProxy(target);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(proxy.ForwardAsync);
        await app.StartAsync();
        proxy._app = app;
        proxy.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");
        return proxy;
    }

    /// <summary>Triggers answered so far, and the time from their arrival here until their answer was passed back, summed.</summary>
    public (long Count, TimeSpan Total) TriggerRoundTrips =>
        (Interlocked.Read(ref _triggersAnswered), Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _triggerTicks)));

    /// <summary>Requests received so far by method and what they ask for (numbers and job names left out).</summary>
    public IReadOnlyDictionary<string, long> RequestsByKind => new Dictionary<string, long>(_byKind, StringComparer.Ordinal);

    /// <summary>Forgets triggers that arrived so far, so the next <see cref="NextTriggerAsync"/> waits for a new one.</summary>
    public void ForgetTriggers()
    {
        while (_triggers.Reader.TryRead(out _)) { }
    }

    /// <summary>The <see cref="Stopwatch"/> timestamp of the next trigger to arrive.</summary>
    public async Task<long> NextTriggerAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            return await _triggers.Reader.ReadAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no trigger reached Jenkins within {timeout.TotalSeconds:0} s");
        }
    }

    private async Task ForwardAsync(HttpContext context)
    {
        var arrived = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref _requests);
        var request = context.Request;
        _byKind.AddOrUpdate(Kind(request.Method, request.Path.Value!), 1, (_, n) => n + 1);
        var trigger = request.Method == "POST" && (request.Path.Value!.EndsWith("/build", StringComparison.Ordinal) || request.Path.Value.EndsWith("/buildWithParameters", StringComparison.Ordinal));
        if (trigger) _triggers.Writer.TryWrite(arrived);
        using var forward = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(_target, request.Path.Value!.TrimStart('/') + request.QueryString));
        if (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0) forward.Content = new StreamContent(request.Body);
        foreach (var (name, values) in request.Headers)
        {
            if (name is "Transfer-Encoding" or "Content-Length") continue;
            if (!forward.Headers.TryAddWithoutValidation(name, values.ToArray())) forward.Content?.Headers.TryAddWithoutValidation(name, values.ToArray());
        }
        using var response = await _upstream.SendAsync(forward, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (name is not "Transfer-Encoding") context.Response.Headers[name] = values.ToArray();
        }
        await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
        if (!trigger) return;
        Interlocked.Add(ref _triggerTicks, Stopwatch.GetTimestamp() - arrived);
        Interlocked.Increment(ref _triggersAnswered);
    }

    // "GET job/*/api/json": the segments after the last job name, numbers as '*'.
    private static string Kind(string method, string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var lastJob = Array.LastIndexOf(segments, "job");
        var tail = segments.Skip(lastJob < 0 ? 0 : lastJob + 2).Select(s => s.All(char.IsAsciiDigit) ? "*" : s);
        return $"{method} {(lastJob < 0 ? "" : "job/…/")}{string.Join('/', tail)}";
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        _upstream.Dispose();
    }
}
