using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using CiBridge.Sandbox.ApiServer.Security;

namespace CiBridge.Sandbox.Host;

/// <summary>
/// The operator's admission webhook as a cluster runs it: served over HTTPS with a certificate
/// from a throwaway CA, and registered with a ValidatingWebhookConfiguration (the chart's, with a
/// <c>clientConfig.url</c> instead of a Service) so the API server asks it on every create and
/// update of our kinds.
/// </summary>
internal sealed class SandboxWebhook : IDisposable
{
    /// <summary>The chart's path for the webhook (AdmissionEndpoints.Path in the operator).</summary>
    private const string ValidatePath = "/validate";

    private readonly SandboxCertificates _certificates;

    private SandboxWebhook(SandboxCertificates certificates, string certDirectory)
    {
        _certificates = certificates;
        CertDirectory = certDirectory;
    }

    /// <summary>Holds tls.crt and tls.key, as the operator's <c>--webhook-cert-dir</c> expects.</summary>
    public string CertDirectory { get; }

    public static SandboxWebhook Create(string stateDirectory, TimeProvider time)
    {
        var certificates = SandboxCertificates.Create(time.GetUtcNow());
        var directory = Directory.CreateDirectory(Path.Combine(stateDirectory, "webhook")).FullName;
        File.WriteAllText(Path.Combine(directory, "tls.crt"), certificates.Serving.ExportCertificatePem());
        var key = certificates.Serving.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem();
        var keyFile = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) keyFile.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var file = new FileStream(Path.Combine(directory, "tls.key"), keyFile))
        {
            file.Write(Encoding.ASCII.GetBytes(key));
        }
        return new SandboxWebhook(certificates, directory);
    }

    /// <summary>The ValidatingWebhookConfiguration for both kinds, calling <paramref name="server"/> (https://127.0.0.1:PORT).</summary>
    public JsonObject Configuration(Uri server)
    {
        var url = new Uri(server, ValidatePath).ToString();
        var caBundle = Convert.ToBase64String(Encoding.ASCII.GetBytes(_certificates.CaPem));
        var webhooks = new JsonArray();
        foreach (var resource in new[] { "citasks", "jenkinsendpoints" })
        {
            webhooks.Add(new JsonObject
            {
                ["name"] = $"{resource}.cibridge.dev",
                ["admissionReviewVersions"] = new JsonArray("v1"),
                ["sideEffects"] = "None",
                ["failurePolicy"] = "Fail",
                ["timeoutSeconds"] = 10,
                ["clientConfig"] = new JsonObject { ["url"] = url, ["caBundle"] = caBundle },
                ["rules"] = new JsonArray(new JsonObject
                {
                    ["apiGroups"] = new JsonArray("cibridge.dev"),
                    ["apiVersions"] = new JsonArray("v1alpha1"),
                    ["operations"] = new JsonArray("CREATE", "UPDATE"),
                    ["resources"] = new JsonArray(resource),
                    ["scope"] = "Namespaced",
                }),
            });
        }
        return new JsonObject
        {
            ["apiVersion"] = "admissionregistration.k8s.io/v1",
            ["kind"] = "ValidatingWebhookConfiguration",
            ["metadata"] = new JsonObject { ["name"] = "ci-bridge" },
            ["webhooks"] = webhooks,
        };
    }

    public void Dispose() => _certificates.Dispose();
}
