using CiBridge.Kubernetes.Crds;
using CiBridge.Kubernetes.Models;

namespace CiBridge.Operator.Controllers.Revisions;

/// <summary>
/// The part of Flux's <c>GitRepository</c> (<c>source.toolkit.fluxcd.io/v1</c>) the operator reads:
/// the branch it follows and the revision of the artifact source-controller last fetched.
/// Everything else in the object is ignored.
/// </summary>
[KubernetesEntity("source.toolkit.fluxcd.io", "v1", "GitRepository", "gitrepositories")]
internal sealed class FluxGitRepository : IKubernetesObject
{
    public string ApiVersion { get; set; } = Entities.CiTasks.RevisionSource.GitRepositoryApiVersion;

    public string Kind { get; set; } = Entities.CiTasks.RevisionSource.GitRepositoryKind;

    public ObjectMeta Metadata { get; set; } = new();

    public GitRepositorySpec? Spec { get; set; }

    public GitRepositoryStatus? Status { get; set; }
}

internal sealed class GitRepositorySpec
{
    public string? Url { get; set; }

    public string? Interval { get; set; }

    public GitRepositoryRef? Ref { get; set; }
}

internal sealed class GitRepositoryRef
{
    public string? Branch { get; set; }
}

internal sealed class GitRepositoryStatus
{
    public FluxArtifact? Artifact { get; set; }
}

/// <summary><c>status.artifact</c>: <c>revision</c> reads <c>main@sha1:&lt;sha&gt;</c> (the branch, then the commit).</summary>
internal sealed class FluxArtifact
{
    public string? Revision { get; set; }

    public string? Digest { get; set; }

    public string? Path { get; set; }

    public string? Url { get; set; }

    public string? LastUpdateTime { get; set; }
}

/// <summary>
/// The part of Argo CD's <c>Application</c> (<c>argoproj.io/v1alpha1</c>) the operator reads: the
/// revision the application was last synced to, <c>status.sync.revision</c>.
/// </summary>
[KubernetesEntity("argoproj.io", "v1alpha1", "Application", "applications")]
internal sealed class ArgoApplication : IKubernetesObject
{
    public string ApiVersion { get; set; } = Entities.CiTasks.RevisionSource.ApplicationApiVersion;

    public string Kind { get; set; } = Entities.CiTasks.RevisionSource.ApplicationKind;

    public ObjectMeta Metadata { get; set; } = new();

    public ApplicationSpec? Spec { get; set; }

    public ApplicationStatus? Status { get; set; }
}

internal sealed class ApplicationSpec
{
    public string? Project { get; set; }

    public ApplicationSource? Source { get; set; }

    public ApplicationDestination? Destination { get; set; }
}

internal sealed class ApplicationSource
{
    [System.Text.Json.Serialization.JsonPropertyName("repoURL")]
    public string? RepoUrl { get; set; }

    public string? Path { get; set; }

    public string? TargetRevision { get; set; }
}

internal sealed class ApplicationDestination
{
    public string? Server { get; set; }

    public string? Namespace { get; set; }
}

internal sealed class ApplicationStatus
{
    public ApplicationSync? Sync { get; set; }
}

internal sealed class ApplicationSync
{
    public string? Status { get; set; }

    public string? Revision { get; set; }
}
