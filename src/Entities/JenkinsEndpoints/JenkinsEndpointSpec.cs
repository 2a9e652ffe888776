using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using CiBridge.Kubernetes.Models;

namespace CiBridge.Entities.JenkinsEndpoints;

/// <summary>What the user declares about a Jenkins server.</summary>
[Description("JenkinsEndpointSpec is the desired state of a JenkinsEndpoint.")]
public sealed class JenkinsEndpointSpec
{
    [Required]
    [MaxLength(2048)]
    [RegularExpression("^https?://[^\\s/$.?#][^\\s]*$")]
    [Description("Base URL of the Jenkins server, for example https://jenkins.example.com/ or https://ci.example.com/jenkins/. http:// needs allowInsecureHttp.")]
    public string Url { get; set; } = "";

    [DefaultValue(AuthTypes.Token)]
    [AllowedValues(AuthTypes.Token, AuthTypes.Password)]
    [Description("How to authenticate: Token (user name and API token) or Password (user name and password; the operator then fetches CSRF crumbs).")]
    public string? AuthType { get; set; }

    [Required]
    [Description("Secret in the same namespace with the keys username and token (or password), and optionally headers: extra HTTP headers, one 'Name: value' per line.")]
    public LocalObjectReference CredentialsSecretRef { get; set; } = new();

    [MaxLength(16)]
    [Description("Extra URLs by key, for example apiUrl: the address the operator calls when it differs from url.")]
    public Dictionary<string, string>? Urls { get; set; }

    [Description("A CA bundle (PEM) in a Secret or ConfigMap of the same namespace, to trust a Jenkins with a private certificate.")]
    public CaBundleSource? CaBundle { get; set; }

    [DefaultValue(false)]
    [Description("Skip TLS certificate verification. Only for trying things out: it makes credentials visible to anyone in the middle.")]
    public bool? InsecureSkipTlsVerify { get; set; }

    [DefaultValue(false)]
    [Description("Allow an http:// url. Credentials then travel in clear text.")]
    public bool? AllowInsecureHttp { get; set; }

    [MaxLength(2048)]
    [RegularExpression("^https?://[^\\s]+$")]
    [Description("HTTP proxy to reach Jenkins through, for example http://proxy.example.com:3128.")]
    public string? ProxyUrl { get; set; }

    [DefaultValue("5m")]
    [MaxLength(32)]
    [RegularExpression(CiBridgeApi.DurationPattern)]
    [Description("How often to verify the server again (jittered), from 10s to 24h. A change of the credentials Secret verifies at once.")]
    public string? VerifyInterval { get; set; }

    [Description("Whether and how deep to list the server's jobs on status.")]
    public JobDiscovery? JobDiscovery { get; set; }
}

/// <summary>The values of <see cref="JenkinsEndpointSpec.AuthType"/>.</summary>
public static class AuthTypes
{
    public const string Token = "Token";
    public const string Password = "Password";
}
