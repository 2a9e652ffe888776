using System.ComponentModel;
using CiBridge.Kubernetes.Crds;
using CiBridge.Kubernetes.Models;

namespace CiBridge.Entities.JenkinsEndpoints;

/// <summary>A Jenkins server the operator verifies and triggers builds on.</summary>
[KubernetesEntity(CiBridgeApi.Group, CiBridgeApi.Version, KindName, "jenkinsendpoints",
    ShortNames = ["je"], Categories = [CiBridgeApi.Category])]
[Description("JenkinsEndpoint names a Jenkins server and the credentials to use; the operator verifies it and lists its jobs.")]
[PrinterColumn("URL", "string", ".spec.url")]
[PrinterColumn("Ready", "string", ".status.conditions[?(@.type==\"Ready\")].status")]
[PrinterColumn("Reason", "string", ".status.conditions[?(@.type==\"Ready\")].reason")]
[PrinterColumn("Version", "string", ".status.jenkinsVersion", Priority = 1)]
[PrinterColumn("Jobs", "integer", ".status.jobCount", Priority = 1)]
[PrinterColumn("Age", "date", ".metadata.creationTimestamp")]
public sealed class JenkinsEndpoint : IKubernetesObject<JenkinsEndpointSpec, JenkinsEndpointStatus>
{
    public const string KindName = "JenkinsEndpoint";

    public string ApiVersion { get; set; } = CiBridgeApi.ApiVersion;

    public string Kind { get; set; } = KindName;

    public ObjectMeta Metadata { get; set; } = new();

    public JenkinsEndpointSpec Spec { get; set; } = new();

    public JenkinsEndpointStatus? Status { get; set; }
}
