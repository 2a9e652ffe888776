using CiBridge.Entities.CiTasks;

namespace CiBridge.Operator.Controllers.Revisions;

/// <summary>
/// A revision a GitOps source reports. <see cref="Reported"/> is its text as the source wrote it
/// (what <c>status.lastHandledRevision</c> records and compares); <see cref="Commit"/> is the part a
/// job checks out, recorded on the run and sent as <c>CIBRIDGE_REVISION</c>.
/// </summary>
internal sealed record SourceRevision(string Reported, string Commit)
{
    /// <summary>
    /// Flux writes <c>main@sha1:&lt;sha&gt;</c> (older versions <c>main/&lt;sha&gt;</c>); Argo CD the commit
    /// alone. The commit is what follows the last <c>:</c> or <c>/</c>.
    /// </summary>
    public static SourceRevision Parse(string reported)
    {
        var cut = reported.LastIndexOfAny([':', '/']);
        var commit = cut >= 0 && cut < reported.Length - 1 ? reported[(cut + 1)..] : reported;
        return new SourceRevision(reported, commit);
    }

    /// <summary>The revision <paramref name="source"/> reports, or null while it reports none.</summary>
    public static string? Of(Kubernetes.Models.IKubernetesObject source) => source switch
    {
        FluxGitRepository repository => Text(repository.Status?.Artifact?.Revision),
        ArgoApplication application => Text(application.Status?.Sync?.Revision),
        _ => null,
    };

    /// <summary>"GitRepository \"app\"", for messages.</summary>
    public static string Describe(RevisionSource from) => $"{from.Kind} \"{from.Name}\"";

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
