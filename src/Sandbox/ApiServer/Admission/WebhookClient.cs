using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CiBridge.Sandbox.ApiServer.Admission;

/// <summary>
/// POSTs an AdmissionReview to a webhook's <c>clientConfig.url</c> over HTTPS, trusting only
/// <c>caBundle</c> (or the system roots without one), within <c>timeoutSeconds</c> (default 10).
/// </summary>
internal sealed class WebhookClient(TimeProvider time)
{
    public async Task<JsonObject?> ReviewAsync(JsonObject webhook, JsonObject review, CancellationToken ct)
    {
        var url = webhook["clientConfig"]?["url"]?.ToString();
        if (url is null) throw new WebhookCallException("the sandbox can only call webhooks by clientConfig.url (no Services run here)");
        var seconds = Storage.JsonNumbers.AsLong(webhook["timeoutSeconds"]) ?? 10;
        using var handler = new SocketsHttpHandler();
        var caBundle = webhook["clientConfig"]?["caBundle"]?.ToString();
        if (caBundle is { Length: > 0 }) handler.SslOptions.RemoteCertificateValidationCallback = TrustOnly(caBundle);
        using var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds), time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            using var content = new StringContent(review.ToJsonString(), Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(url, content, linked.Token);
            if (!response.IsSuccessStatusCode) throw new WebhookCallException($"failed to call webhook: the server responded with status {(int)response.StatusCode}");
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(linked.Token));
            return body?["response"] as JsonObject ?? throw new WebhookCallException("received invalid webhook response: no response in the AdmissionReview");
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            throw new WebhookCallException($"failed to call webhook: Post \"{url}\": context deadline exceeded");
        }
        catch (Exception e) when (e is HttpRequestException or JsonException)
        {
            throw new WebhookCallException($"failed to call webhook: Post \"{url}\": {e.Message}", e);
        }
    }

    private static RemoteCertificateValidationCallback TrustOnly(string caBundle)
    {
        var roots = new X509Certificate2Collection();
        roots.ImportFromPem(Encoding.ASCII.GetString(Convert.FromBase64String(caBundle)));
        return (_, certificate, _, errors) =>
        {
            if (certificate is null) return false;
            if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0) return false;
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            chain.ChainPolicy.CustomTrustStore.AddRange(roots);
            return chain.Build(new X509Certificate2(certificate));
        };
    }
}
