using System.ComponentModel;
using CiBridge.Kubernetes.Crds;
using CiBridge.Kubernetes.Models;

namespace CiBridge.Entities.CiTasks;

/// <summary>A job to run on a CI endpoint, once per distinct spec.</summary>
[KubernetesEntity(CiBridgeApi.Group, CiBridgeApi.Version, KindName, "citasks",
    ShortNames = ["ct"], Categories = [CiBridgeApi.Category])]
[Description("CiTask runs a CI job once for each distinct spec (each metadata.generation) and reports the build on status.")]
[PrinterColumn("Endpoint", "string", ".spec.endpointRef.name")]
[PrinterColumn("Job", "string", ".spec.job")]
[PrinterColumn("Succeeded", "string", ".status.conditions[?(@.type==\"Succeeded\")].status")]
[PrinterColumn("Reason", "string", ".status.conditions[?(@.type==\"Succeeded\")].reason")]
[PrinterColumn("Build", "integer", ".status.currentRun.buildNumber")]
[PrinterColumn("StartTime", "date", ".status.currentRun.startTime")]
[PrinterColumn("CompletionTime", "date", ".status.currentRun.completionTime")]
[PrinterColumn("Phase", "string", ".status.phase", Priority = 1)]
[PrinterColumn("Result", "string", ".status.currentRun.result", Priority = 1)]
[PrinterColumn("Age", "date", ".metadata.creationTimestamp")]
public sealed class CiTask : IKubernetesObject<CiTaskSpec, CiTaskStatus>
{
    public const string KindName = "CiTask";

    public string ApiVersion { get; set; } = CiBridgeApi.ApiVersion;

    public string Kind { get; set; } = KindName;

    public ObjectMeta Metadata { get; set; } = new();

    public CiTaskSpec Spec { get; set; } = new();

    public CiTaskStatus? Status { get; set; }
}
