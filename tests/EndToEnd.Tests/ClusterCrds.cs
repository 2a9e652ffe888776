using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using CiBridge.Kubernetes.Configuration;
using CiBridge.Kubernetes.Yaml;
using CiBridge.Operator.Crds;
using CiBridge.TestKit;

namespace CiBridge.EndToEnd.Tests;

/// <summary>
/// Applies our CRDs to a real cluster, as <c>kubectl apply -k config/crds</c> would (create, or replace
/// what an earlier run left), and waits until the API server serves them.
/// </summary>
internal static class ClusterCrds
{
    private const string Crds = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";

    public static async Task ApplyAsync(string kubeconfig, CancellationToken ct)
    {
        var config = KubernetesConfig.LoadKubeConfig(new KubeConfigOptions { Path = kubeconfig }, TimeProvider.System);
        using var http = await ConnectAsync(config, ct);
        foreach (var (_, yaml) in CrdManifests.Render())
        {
            var crd = YamlJson.ReadSingle(yaml).AsObject();
            using var created = await http.PostAsync(Crds, Json(crd), ct);
            if (created.StatusCode == System.Net.HttpStatusCode.Conflict) await ReplaceAsync(http, crd, ct);
            else created.EnsureSuccessStatusCode();
        }
        await Eventually.HoldsAsync(() => ServedResourcesAsync(http, ct), text => text.Contains("\"citasks\"", StringComparison.Ordinal),
            "our CRDs served", TimeSpan.FromMinutes(1), ct);
    }

    private static async Task<string> ServedResourcesAsync(HttpClient http, CancellationToken ct)
    {
        using var response = await http.GetAsync("/apis/cibridge.dev/v1alpha1", ct);
        return response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync(ct) : "";
    }

    private static async Task ReplaceAsync(HttpClient http, JsonObject crd, CancellationToken ct)
    {
        var path = $"{Crds}/{crd["metadata"]!["name"]}";
        var current = JsonNode.Parse(await http.GetStringAsync(path, ct))!;
        crd["metadata"]!["resourceVersion"] = current["metadata"]!["resourceVersion"]!.ToString();
        using var replaced = await http.PutAsync(path, Json(crd), ct);
        replaced.EnsureSuccessStatusCode();
    }

    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    private static async Task<HttpClient> ConnectAsync(KubernetesClientConfiguration config, CancellationToken ct)
    {
        var handler = new SocketsHttpHandler();
        if (config.ClientCertificate is not null) handler.SslOptions.ClientCertificates = [config.ClientCertificate];
        if (config.CertificateAuthority is { Count: > 0 } roots)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            {
                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                chain.ChainPolicy.CustomTrustStore.AddRange(roots);
                return certificate is not null && chain.Build(new X509Certificate2(certificate));
            };
        }
        var http = new HttpClient(handler) { BaseAddress = config.Server };
        if (config.Credentials is not null && await config.Credentials.GetTokenAsync(ct) is { } token)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return http;
    }
}
