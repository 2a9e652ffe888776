using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using CiBridge.Kubernetes.Crds;
using CiBridge.Kubernetes.Models;

namespace CiBridge.Entities.JenkinsEndpoints;

/// <summary>What the operator last observed about the server.</summary>
[Description("JenkinsEndpointStatus is the observed state of a JenkinsEndpoint.")]
public sealed class JenkinsEndpointStatus
{
    public const int MaxListedJobs = 500;
    public const int MaxVersionLength = 64;
    public const int MaxUserLength = 256;
    public const int MaxVerifyRequestLength = 256;

    [Description("The metadata.generation this status describes.")]
    public long? ObservedGeneration { get; set; }

    [ListMapKeys("type")]
    [MaxLength(8)]
    [Description("Ready (the summary), Reconciling and Stalled, as kstatus defines them.")]
    public List<Condition>? Conditions { get; set; }

    [MaxLength(MaxVersionLength)]
    [Description("The version the server reported in its X-Jenkins header.")]
    public string? JenkinsVersion { get; set; }

    [MaxLength(MaxUserLength)]
    [Description("The user Jenkins authenticated the credentials as.")]
    public string? AuthenticatedAs { get; set; }

    [Description("Whether the server asked for CSRF crumbs on POST requests.")]
    public bool? CrumbsRequired { get; set; }

    [Description("When the server last answered an authenticated request successfully.")]
    public DateTimeOffset? LastVerifiedTime { get; set; }

    [Description("How many jobs discovery found (may exceed the number listed in jobs).")]
    public int? JobCount { get; set; }

    [MaxLength(MaxVerifyRequestLength)]
    [Description("The last value of the cibridge.dev/verify-requested-at annotation that a verification answered (Ready then holds its result); a value longer than 256 characters is shortened and ends in a digest of the whole.")]
    public string? LastHandledVerifyRequest { get; set; }

    [MaxLength(MaxListedJobs)]
    [Description("Jobs found on the server, bounded by spec.jobDiscovery.limit.")]
    public List<DiscoveredJob>? Jobs { get; set; }
}
