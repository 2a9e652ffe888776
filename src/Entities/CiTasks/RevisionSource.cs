using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using CiBridge.Kubernetes.Models;

namespace CiBridge.Entities.CiTasks;

/// <summary>
/// Names the object whose status carries the revision a CiTask builds: a Flux GitRepository
/// (<c>status.artifact.revision</c>) or an Argo CD Application (<c>status.sync.revision</c>), so the
/// component that already watches Git decides when a push happened.
/// </summary>
[Description("RevisionSource names a Flux GitRepository or an Argo CD Application in the same namespace whose status carries the current revision.")]
public sealed class RevisionSource
{
    public const string GitRepositoryKind = "GitRepository";
    public const string GitRepositoryApiVersion = "source.toolkit.fluxcd.io/v1";
    public const string ApplicationKind = "Application";
    public const string ApplicationApiVersion = "argoproj.io/v1alpha1";

    [MaxLength(253)]
    [Description("source.toolkit.fluxcd.io/v1 for a GitRepository, argoproj.io/v1alpha1 for an Application; implied by kind when left out.")]
    public string? ApiVersion { get; set; }

    [Required]
    [AllowedValues(GitRepositoryKind, ApplicationKind)]
    [Description("GitRepository (Flux) or Application (Argo CD).")]
    public string Kind { get; set; } = "";

    [Required]
    [MaxLength(253)]
    [RegularExpression(Dns1123.SubdomainPattern)]
    [Description("Name of the object, in the same namespace.")]
    public string Name { get; set; } = "";

    /// <summary>The apiVersion the operator reads <paramref name="kind"/> at; null for a kind it does not know.</summary>
    public static string? ApiVersionOf(string? kind) => kind switch
    {
        GitRepositoryKind => GitRepositoryApiVersion,
        ApplicationKind => ApplicationApiVersion,
        _ => null,
    };
}
