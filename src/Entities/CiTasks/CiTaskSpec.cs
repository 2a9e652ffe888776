using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using CiBridge.Kubernetes.Crds;

namespace CiBridge.Entities.CiTasks;

/// <summary>Which job to run where, with what.</summary>
[Description("CiTaskSpec is the desired state of a CiTask: changing it (revision, parameters, job) starts exactly one new run.")]
public sealed class CiTaskSpec
{
    [Description("The CI endpoint to run on; its kind is the provider kind, which must be approved. Leave it out to use the namespace's default JenkinsEndpoint (annotated cibridge.dev/is-default-endpoint: \"true\").")]
    public EndpointReference? EndpointRef { get; set; }

    [Required]
    [MaxLength(1024)]
    [RegularExpression(JobPathPattern)]
    [Description("Full name of the job, folders separated by '/', for example platform/process/build-war.")]
    public string Job { get; set; } = "";

    [MaxLength(256)]
    [Description("The source revision this run is for (for example a commit SHA); a new value starts a new run.")]
    public string? Revision { get; set; }

    [Description("Take the revision from a Flux GitRepository or an Argo CD Application in the same namespace: each new revision it reports starts one run. Not together with revision.")]
    public RevisionSource? RevisionFrom { get; set; }

    [MaxLength(100)]
    [ListMapKeys("name")]
    [Description("Build parameters, each a literal value or a reference to a Secret or ConfigMap key.")]
    public List<TaskParameter>? Parameters { get; set; }

    [MaxLength(32)]
    [RegularExpression(CiBridgeApi.DurationPattern)]
    [Description("Abort the build when a run takes longer than this (queue time included), from 1s to 168h (7 days); the run ends TimedOut.")]
    public string? Timeout { get; set; }

    [DefaultValue(0)]
    [Range(0, 10)]
    [Description("How many times to trigger a failed run again, with back-off.")]
    public int? Retries { get; set; }

    [DefaultValue(DeletionPolicies.Abort)]
    [AllowedValues(DeletionPolicies.Abort, DeletionPolicies.Orphan)]
    [Description("What deleting the CiTask does to a build still running: Abort stops it, Orphan leaves it running.")]
    public string? DeletionPolicy { get; set; }

    /// <summary>Folder segments separated by single slashes; no empty, "." or ".." segment.</summary>
    public const string JobPathPattern = @"^(?:[^/\s.][^/]*|\.[^/.][^/]*)(?:/(?:[^/\s.][^/]*|\.[^/.][^/]*))*$";
}

/// <summary>The values of <see cref="CiTaskSpec.DeletionPolicy"/>.</summary>
public static class DeletionPolicies
{
    public const string Abort = "Abort";
    public const string Orphan = "Orphan";
}
