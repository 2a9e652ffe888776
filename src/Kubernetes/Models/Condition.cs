using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using CiBridge.Kubernetes.Crds;

namespace CiBridge.Kubernetes.Models;

/// <summary>The standard condition shape (<c>metav1.Condition</c>), validated as kube does.</summary>
[Description("Condition contains details for one aspect of the current state of this API Resource.")]
public sealed class Condition
{
    [Required]
    [MaxLength(316)]
    [RegularExpression(@"^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$")]
    [Description("Type of condition in CamelCase, for example Ready.")]
    public string Type { get; set; } = "";

    [Required]
    [AllowedValues(nameof(ConditionStatus.True), nameof(ConditionStatus.False), nameof(ConditionStatus.Unknown))]
    [Description("Status of the condition: True, False or Unknown.")]
    public string Status { get; set; } = nameof(ConditionStatus.Unknown);

    [Range(0, long.MaxValue)]
    [Description("The .metadata.generation that the condition was set based upon.")]
    public long? ObservedGeneration { get; set; }

    [Required]
    [Format("date-time")]
    [Description("Last time the condition transitioned from one status to another.")]
    public DateTimeOffset LastTransitionTime { get; set; }

    [Required]
    [MinLength(1)]
    [MaxLength(1024)]
    [RegularExpression("^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$")]
    [Description("A programmatic identifier (CamelCase) for the reason of the last transition.")]
    public string Reason { get; set; } = "";

    [Required]
    [MaxLength(32768)]
    [Description("A human-readable message with details about the transition.")]
    public string Message { get; set; } = "";
}

/// <summary>
/// The three values of <see cref="Condition.Status"/>. The wire field stays a string, so a value
/// this code does not know still reads; code that sets conditions uses this type.
/// </summary>
public enum ConditionStatus
{
    True,
    False,
    Unknown,
}
