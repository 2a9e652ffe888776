using System.Collections.Concurrent;
using System.Net;
using System.Text;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Configuration;

namespace CiBridge.Kubernetes.Tests.Support;

/// <summary>An HttpMessageHandler that answers from a script and records what it was asked.</summary>
public sealed class FakeApi(Func<HttpRequestMessage, string?, Task<HttpResponseMessage>> respond) : HttpMessageHandler
{
    public ConcurrentQueue<(HttpMethod Method, string PathAndQuery, string? Body, string? ContentType, string? Authorization)> Requests { get; } = new();

    public static HttpResponseMessage Json(HttpStatusCode code, string json) =>
        new(code) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static HttpResponseMessage Status(int code, string reason, string message = "denied") =>
        Json((HttpStatusCode)code, $$"""{"kind":"Status","apiVersion":"v1","status":"Failure","message":"{{message}}","reason":"{{reason}}","code":{{code}}}""");

    public IKubernetesClient Client(TimeProvider time, ICredentialSource? credentials = null, int maxRetries = 3) =>
        KubernetesClientFactory.Create(
            new KubernetesClientConfiguration { Server = new Uri("https://127.0.0.1:6443"), Credentials = credentials },
            new KubernetesClientOptions { FieldManager = "test-manager", MaxRetries = maxRetries, Qps = 1000, Burst = 1000 },
            KubernetesJson.CreateOptions(TestJsonContext.Default),
            time,
            this);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Enqueue((request.Method, request.RequestUri!.PathAndQuery, body, request.Content?.Headers.ContentType?.MediaType,
            request.Headers.Authorization?.ToString()));
        return await respond(request, body);
    }
}
