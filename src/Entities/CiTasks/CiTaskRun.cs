using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace CiBridge.Entities.CiTasks;

/// <summary>One run of a CiTask: recorded before the trigger, then filled in as the build progresses.</summary>
[Description("CiTaskRun is one run of the job: recorded before the build is triggered, then followed to its result.")]
public sealed class CiTaskRun
{
    public const int MaxRunIdLength = 128;
    public const int MaxJobLength = 1024;
    public const int MaxRevisionLength = 256;
    public const int MaxBuildUrlLength = 2048;
    public const int MaxResultLength = 32;
    public const int MaxDurationLength = 32;

    [Required]
    [MaxLength(MaxRunIdLength)]
    [Description("Identifies the run; sent as the CIBRIDGE_RUN_ID parameter when the job declares it.")]
    public string RunId { get; set; } = "";

    [Description("The metadata.generation of the spec this run is for.")]
    public long? Generation { get; set; }

    [MaxLength(MaxJobLength)]
    [Description("The job this run triggered (spec.job at the time).")]
    public string? Job { get; set; }

    [Range(1, 11)]
    [Description("1 for the first trigger, more when spec.retries triggered the run again.")]
    public int? Attempt { get; set; }

    [MaxLength(MaxRevisionLength)]
    [Description("spec.revision at the time of the run.")]
    public string? Revision { get; set; }

    [Description("The Jenkins queue item the trigger created.")]
    public long? QueueItemId { get; set; }

    [Description("The build number, once the queue item started a build.")]
    public long? BuildNumber { get; set; }

    [MaxLength(MaxBuildUrlLength)]
    [Description("The build's page on the server.")]
    public string? BuildUrl { get; set; }

    [MaxLength(MaxResultLength)]
    [Description("The build result as Jenkins reports it: SUCCESS, UNSTABLE, FAILURE, NOT_BUILT or ABORTED.")]
    public string? Result { get; set; }

    [MaxLength(MaxRevisionLength)]
    [Description("The revision the build checked out, when the git plugin reports it.")]
    public string? BuiltRevision { get; set; }

    [Description("When the operator triggered the build.")]
    public DateTimeOffset? TriggerTime { get; set; }

    [Description("When the build started.")]
    public DateTimeOffset? StartTime { get; set; }

    [Description("When the build finished.")]
    public DateTimeOffset? CompletionTime { get; set; }

    [MaxLength(MaxDurationLength)]
    [Description("How long the build took, for example 1m30s.")]
    public string? Duration { get; set; }
}
