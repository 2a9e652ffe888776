using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using CiBridge.Kubernetes.Crds;
using CiBridge.Kubernetes.Models;

namespace CiBridge.Entities.CiTasks;

/// <summary>What the operator last observed about a CiTask's runs.</summary>
[Description("CiTaskStatus is the observed state of a CiTask.")]
public sealed class CiTaskStatus
{
    public const int MaxHistory = 10;
    public const int MaxRunRequestLength = 256;

    [Description("The metadata.generation this status describes.")]
    public long? ObservedGeneration { get; set; }

    [ListMapKeys("type")]
    [MaxLength(8)]
    [Description("Ready (the summary), Succeeded (like Tekton's: Unknown while queued or running), Reconciling and Stalled.")]
    public List<Condition>? Conditions { get; set; }

    [MaxLength(32)]
    [Description("A one-word summary for printer columns: Pending, Queued, Running, Retrying, Succeeded or Failed.")]
    public string? Phase { get; set; }

    [MaxLength(MaxRunRequestLength)]
    [Description("The last value of the cibridge.dev/run-requested-at annotation that started a run; a value longer than 256 characters is shortened and ends in a digest of the whole.")]
    public string? LastHandledRunRequest { get; set; }

    [MaxLength(CiTaskRun.MaxRevisionLength)]
    [Description("The last revision reported by spec.revisionFrom that started a run.")]
    public string? LastHandledRevision { get; set; }

    [Description("The endpoint the task runs on: spec.endpointRef, or the namespace's default endpoint it resolved to. A run under way is followed on the endpoint that started it.")]
    public EndpointReference? Endpoint { get; set; }

    [Description("The newest run: in progress, or the last one that finished.")]
    public CiTaskRun? CurrentRun { get; set; }

    [MaxLength(MaxHistory)]
    [Description("Earlier runs, newest first, at most ten.")]
    public List<CiTaskRun>? History { get; set; }
}

/// <summary>The values of <see cref="CiTaskStatus.Phase"/>.</summary>
public static class CiTaskPhases
{
    public const string Pending = "Pending";
    public const string Queued = "Queued";
    public const string Running = "Running";
    public const string Retrying = "Retrying";
    public const string Succeeded = "Succeeded";
    public const string Failed = "Failed";
}
