using System.Text;
using CiBridge.Entities.Conditions;
using CiBridge.Entities.JenkinsEndpoints;
using CiBridge.Jenkins;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Models;

namespace CiBridge.Operator.Controllers.Shared;

/// <summary>
/// Turns a JenkinsEndpoint and the Secret (and CA bundle) it names into client settings. Only the
/// endpoint's own namespace is read. Both controllers use it, so a CiTask talks to Jenkins exactly
/// as its endpoint was verified.
/// </summary>
internal sealed class EndpointSettingsReader(IKubernetesReader reader)
{
    public async Task<(EndpointSettings? Settings, Failure? Failure)> ReadAsync(JenkinsEndpoint endpoint, CancellationToken ct)
    {
        var ns = endpoint.Metadata.Namespace;
        var secretName = endpoint.Spec.CredentialsSecretRef.Name;
        var secret = await reader.GetAsync<Secret>(new ObjectKey(ns, secretName), ct);
        if (secret is null)
        {
            return (null, Failure.NeedsUser(EndpointReasons.SecretNotFound, $"Secret \"{secretName}\" not found in namespace \"{ns}\""));
        }
        var credentials = SecretCredentials.Parse(secret, endpoint.Spec.AuthType ?? AuthTypes.Token);
        if (credentials.Failure is not null) return (null, credentials.Failure);
        var (ca, caVersion, caFailure) = await ReadCaBundleAsync(endpoint, ct);
        if (caFailure is not null) return (null, caFailure);
        var settings = new JenkinsEndpointSettings
        {
            BaseUrl = new Uri(endpoint.Spec.Urls?.GetValueOrDefault("apiUrl") ?? endpoint.Spec.Url),
            AuthType = endpoint.Spec.AuthType == AuthTypes.Password ? JenkinsAuthType.Password : JenkinsAuthType.Token,
            UserName = credentials.UserName!,
            Secret = credentials.Secret!,
            Headers = credentials.Headers,
            CaBundlePem = ca,
            InsecureSkipTlsVerify = endpoint.Spec.InsecureSkipTlsVerify == true,
            Proxy = endpoint.Spec.ProxyUrl is { } proxy ? new Uri(proxy) : null,
            Options = new JenkinsClientOptions
            {
                // spec.jobDiscovery.maxDepth counts folder levels below the top (0: top-level jobs only);
                // the client counts levels including the top one.
                DiscoveryMaxDepth = Math.Clamp(endpoint.Spec.JobDiscovery?.MaxDepth ?? 3, 0, 10) + 1,
                DiscoveryMaxJobs = JenkinsEndpointStatus.MaxListedJobs,
            },
        };
        return (new EndpointSettings(settings, $"{secret.Metadata.Uid}/{secret.Metadata.ResourceVersion}|{caVersion}"), null);
    }

    /// <summary>The PEM bundle and the version of the object it came from.</summary>
    private async Task<(string? Pem, string? Version, Failure? Failure)> ReadCaBundleAsync(JenkinsEndpoint endpoint, CancellationToken ct)
    {
        var source = endpoint.Spec.CaBundle;
        if (source is null) return (null, null, null);
        var ns = endpoint.Metadata.Namespace;
        string? pem;
        IKubernetesObject? holder;
        var (kind, selector) = source.SecretKeyRef is { } s ? ("Secret", s) : ("ConfigMap", source.ConfigMapKeyRef!);
        if (source.SecretKeyRef is not null)
        {
            var secret = await reader.GetAsync<Secret>(new ObjectKey(ns, selector.Name), ct);
            (holder, pem) = (secret, secret?.Data?.GetValueOrDefault(selector.Key) is { } bytes ? Encoding.UTF8.GetString(bytes) : null);
        }
        else
        {
            var map = await reader.GetAsync<ConfigMap>(new ObjectKey(ns, selector.Name), ct);
            (holder, pem) = (map, map?.Data?.GetValueOrDefault(selector.Key));
        }
        return pem is null
            ? (null, null, Failure.NeedsUser(EndpointReasons.CaBundleNotFound, $"CA bundle: {kind} \"{selector.Name}\" with key \"{selector.Key}\" not found in namespace \"{ns}\""))
            : (pem, $"{holder!.Metadata.Uid}/{holder.Metadata.ResourceVersion}", null);
    }
}

/// <summary>
/// Client settings and <paramref name="SourceVersion"/>, which changes whenever the Secret or CA
/// bundle they were read from changes (uid and resourceVersion; never a value).
/// </summary>
internal sealed record EndpointSettings(JenkinsEndpointSettings Client, string SourceVersion);
