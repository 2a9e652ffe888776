using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace CiBridge.Entities.JenkinsEndpoints;

/// <summary>Bounds for listing a server's jobs ("pipelines appear automatically after integration").</summary>
[Description("JobDiscovery controls the listing of the server's jobs on status.")]
public sealed class JobDiscovery
{
    [DefaultValue(true)]
    [Description("List the server's jobs on status.")]
    public bool? Enabled { get; set; }

    [DefaultValue(3)]
    [Range(0, 10)]
    [Description("How many folder levels to descend; 0 lists only top-level jobs.")]
    public int? MaxDepth { get; set; }

    [DefaultValue(100)]
    [Range(0, JenkinsEndpointStatus.MaxListedJobs)]
    [Description("At most this many jobs are listed; status.jobCount still counts all that were found.")]
    public int? Limit { get; set; }
}
