using System.ComponentModel;
using CiBridge.Kubernetes.Models;

namespace CiBridge.Entities.JenkinsEndpoints;

/// <summary>Where to read a PEM CA bundle from: exactly one of a Secret key or a ConfigMap key.</summary>
[Description("CaBundleSource selects a PEM CA bundle from a Secret or a ConfigMap key; set exactly one.")]
public sealed class CaBundleSource
{
    [Description("A key of a Secret in the same namespace.")]
    public KeySelector? SecretKeyRef { get; set; }

    [Description("A key of a ConfigMap in the same namespace.")]
    public KeySelector? ConfigMapKeyRef { get; set; }
}
