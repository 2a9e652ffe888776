using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using CiBridge.Entities.JenkinsEndpoints;
using CiBridge.Kubernetes.Models;

namespace CiBridge.Entities.CiTasks;

/// <summary>Names the endpoint a CiTask runs on; <see cref="Kind"/> is the provider kind.</summary>
[Description("EndpointReference names a CI endpoint in the same namespace.")]
public sealed class EndpointReference
{
    // No enum here on purpose: the admission webhook answers an unapproved kind with a message
    // that names the approved ones, which a schema enum error could not.
    [DefaultValue(JenkinsEndpoint.KindName)]
    [MaxLength(63)]
    [RegularExpression("^[A-Z][A-Za-z0-9]*$")]
    [Description("Kind of the endpoint (the provider kind); only approved kinds work. Defaults to JenkinsEndpoint.")]
    public string? Kind { get; set; }

    [Required]
    [MaxLength(253)]
    [RegularExpression(Dns1123.SubdomainPattern)]
    [Description("Name of the endpoint, in the same namespace.")]
    public string Name { get; set; } = "";
}
