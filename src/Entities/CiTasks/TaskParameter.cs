using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using CiBridge.Kubernetes.Models;

namespace CiBridge.Entities.CiTasks;

/// <summary>One build parameter: a literal value or a value read from a Secret or ConfigMap.</summary>
[Description("TaskParameter is one build parameter; set value or valueFrom, not both.")]
public sealed class TaskParameter
{
    [Required]
    [MaxLength(256)]
    [RegularExpression(NamePattern)]
    [Description("Parameter name as the job declares it.")]
    public string Name { get; set; } = "";

    [MaxLength(65536)]
    [Description("A literal value.")]
    public string? Value { get; set; }

    [Description("Read the value from a Secret or ConfigMap key of the same namespace; Secret values never appear on status, in Events or in logs.")]
    public ParameterSource? ValueFrom { get; set; }

    public const string NamePattern = "^[A-Za-z_][A-Za-z0-9_.-]*$";
}

/// <summary>Where a parameter's value comes from: exactly one of the two references.</summary>
[Description("ParameterSource selects a Secret or ConfigMap key; set exactly one.")]
public sealed class ParameterSource
{
    [Description("A key of a Secret in the same namespace.")]
    public KeySelector? SecretKeyRef { get; set; }

    [Description("A key of a ConfigMap in the same namespace.")]
    public KeySelector? ConfigMapKeyRef { get; set; }
}
