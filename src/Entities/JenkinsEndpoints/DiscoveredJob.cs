using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace CiBridge.Entities.JenkinsEndpoints;

/// <summary>One job found on the server.</summary>
[Description("DiscoveredJob is one job found on the server.")]
public sealed class DiscoveredJob
{
    [Required]
    [Description("Full name with folders separated by '/', as a CiTask's spec.job names it.")]
    public string FullName { get; set; } = "";

    [Description("The job's Jenkins class, for example org.jenkinsci.plugins.workflow.job.WorkflowJob.")]
    public string? Type { get; set; }

    [Description("The job's page on the server.")]
    public string? Url { get; set; }
}
