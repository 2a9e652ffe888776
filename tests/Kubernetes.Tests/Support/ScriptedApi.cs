using System.Collections.Concurrent;
using System.Net;
using System.Text;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Configuration;

namespace CiBridge.Kubernetes.Tests.Support;

/// <summary>
/// A fake API server for list/watch tests: each list or watch request takes the next scripted
/// answer; a watch with no script left stays open until the client goes away.
/// </summary>
public sealed class ScriptedApi : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<HttpResponseMessage>> _lists = new();
    private readonly ConcurrentQueue<Func<HttpResponseMessage>> _watches = new();

    public ConcurrentQueue<string> Requests { get; } = new();

    private int _openWatches;

    public int OpenWatches => Volatile.Read(ref _openWatches);

    public ScriptedApi List(string resourceVersion, params string[] items) => Page(resourceVersion, "", items);

    /// <summary>One page of a list; a non-empty <paramref name="continueToken"/> says more pages follow.</summary>
    public ScriptedApi Page(string resourceVersion, string continueToken, params string[] items)
    {
        _lists.Enqueue(() => FakeApi.Json(HttpStatusCode.OK,
            $$$"""{"kind":"WidgetList","apiVersion":"example.com/v1","metadata":{"resourceVersion":"{{{resourceVersion}}}","continue":"{{{continueToken}}}"},"items":[{{{string.Join(',', items)}}}]}"""));
        return this;
    }

    /// <summary>A watch that sends <paramref name="lines"/> and then closes.</summary>
    public ScriptedApi Watch(params string[] lines)
    {
        _watches.Enqueue(() => FakeApi.Json(HttpStatusCode.OK, string.Join('\n', lines) + (lines.Length > 0 ? "\n" : "")));
        return this;
    }

    public static string Item(string name, string rv, string color = "red", string ns = "ns") =>
        $$$"""{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"{{{name}}}","namespace":"{{{ns}}}","resourceVersion":"{{{rv}}}","labels":{"color":"{{{color}}}"}},"spec":{"color":"{{{color}}}"}}""";

    public static string Event(string type, string name, string rv, string color = "red") =>
        $$$"""{"type":"{{{type}}}","object":{{{Item(name, rv, color)}}}}""";

    public static string Bookmark(string rv) =>
        "{\"type\":\"BOOKMARK\",\"object\":{\"apiVersion\":\"example.com/v1\",\"kind\":\"Widget\",\"metadata\":{\"resourceVersion\":\"" + rv + "\"}}}";

    public static string Gone() =>
        """{"type":"ERROR","object":{"kind":"Status","apiVersion":"v1","status":"Failure","message":"too old resource version","reason":"Expired","code":410}}""";

    public IKubernetesClient Client(TimeProvider time) =>
        KubernetesClientFactory.Create(
            new KubernetesClientConfiguration { Server = new Uri("https://127.0.0.1:6443") },
            new KubernetesClientOptions { FieldManager = "test", MaxRetries = 0, Qps = 1000, Burst = 1000 },
            KubernetesJson.CreateOptions(TestJsonContext.Default),
            time,
            this);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.PathAndQuery;
        Requests.Enqueue(path);
        var isWatch = path.Contains("watch=true", StringComparison.Ordinal);
        if (!isWatch) return _lists.TryDequeue(out var list) ? list() : throw new InvalidOperationException("no list scripted");
        if (_watches.TryDequeue(out var watch)) return watch();
        Interlocked.Increment(ref _openWatches);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _openWatches);
        }
        throw new OperationCanceledException(cancellationToken);
    }

    public static StringContent Empty() => new("", Encoding.UTF8);
}
