using CiBridge.Kubernetes.Crds;

namespace CiBridge.Kubernetes.Models;

/// <summary>admissionregistration.k8s.io/v1 ValidatingWebhookConfiguration (cluster-scoped).</summary>
[KubernetesEntity("admissionregistration.k8s.io", "v1", "ValidatingWebhookConfiguration", "validatingwebhookconfigurations", Namespaced = false)]
public sealed class ValidatingWebhookConfiguration : IKubernetesObject
{
    public string ApiVersion { get; set; } = "admissionregistration.k8s.io/v1";

    public string Kind { get; set; } = "ValidatingWebhookConfiguration";

    public ObjectMeta Metadata { get; set; } = new();

    public List<ValidatingWebhook>? Webhooks { get; set; }
}

/// <summary>One webhook of a <see cref="ValidatingWebhookConfiguration"/>.</summary>
public sealed class ValidatingWebhook
{
    public string Name { get; set; } = "";

    public WebhookClientConfig ClientConfig { get; set; } = new();

    public List<RuleWithOperations>? Rules { get; set; }

    /// <summary><c>Fail</c> or <c>Ignore</c>.</summary>
    public string? FailurePolicy { get; set; }

    /// <summary><c>Exact</c> or <c>Equivalent</c>.</summary>
    public string? MatchPolicy { get; set; }

    public LabelSelector? NamespaceSelector { get; set; }

    public LabelSelector? ObjectSelector { get; set; }

    public string SideEffects { get; set; } = "None";

    public int? TimeoutSeconds { get; set; }

    public List<string> AdmissionReviewVersions { get; set; } = ["v1"];
}

/// <summary>How the API server reaches a webhook.</summary>
public sealed class WebhookClientConfig
{
    public string? Url { get; set; }

    public ServiceReference? Service { get; set; }

    public byte[]? CaBundle { get; set; }
}

/// <summary>A Service that serves a webhook.</summary>
public sealed class ServiceReference
{
    public string Namespace { get; set; } = "";

    public string Name { get; set; } = "";

    public string? Path { get; set; }

    public int? Port { get; set; }
}

/// <summary>Which operations on which resources a webhook sees.</summary>
public sealed class RuleWithOperations
{
    public List<string>? Operations { get; set; }

    public List<string>? ApiGroups { get; set; }

    public List<string>? ApiVersions { get; set; }

    public List<string>? Resources { get; set; }

    public string? Scope { get; set; }
}

/// <summary>A label query (<c>metav1.LabelSelector</c>).</summary>
public sealed class LabelSelector
{
    public Dictionary<string, string>? MatchLabels { get; set; }

    public List<LabelSelectorRequirement>? MatchExpressions { get; set; }
}

/// <summary>One expression of a <see cref="LabelSelector"/>.</summary>
public sealed class LabelSelectorRequirement
{
    public string Key { get; set; } = "";

    /// <summary><c>In</c>, <c>NotIn</c>, <c>Exists</c> or <c>DoesNotExist</c>.</summary>
    public string Operator { get; set; } = "";

    public List<string>? Values { get; set; }
}
