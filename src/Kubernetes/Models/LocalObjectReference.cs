using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace CiBridge.Kubernetes.Models;

/// <summary>Names another object in the same namespace.</summary>
public sealed class LocalObjectReference
{
    [Required]
    [MaxLength(253)]
    [RegularExpression(Dns1123.SubdomainPattern)]
    [Description("Name of the referent, in the same namespace.")]
    public string Name { get; set; } = "";
}

/// <summary>Selects one key of a Secret or ConfigMap in the same namespace.</summary>
public sealed class KeySelector
{
    [Required]
    [MaxLength(253)]
    [RegularExpression(Dns1123.SubdomainPattern)]
    [Description("Name of the Secret or ConfigMap, in the same namespace.")]
    public string Name { get; set; } = "";

    [Required]
    [MaxLength(253)]
    [RegularExpression(@"^[-._a-zA-Z0-9]+$")]
    [Description("The key to select.")]
    public string Key { get; set; } = "";
}

/// <summary>Kubernetes name patterns (apimachinery <c>validation.IsDNS1123Subdomain</c>).</summary>
public static class Dns1123
{
    public const string SubdomainPattern = @"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";
    public const string LabelPattern = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";
}
