using CiBridge.Entities.CiTasks;

namespace CiBridge.Entities.Validation;

/// <summary>
/// <c>spec.revision</c> and <c>spec.revisionFrom</c> exclude each other, and a revision source names
/// a kind the operator reads at the apiVersion it reads it at.
/// </summary>
internal static class RevisionRules
{
    public static void Check(CiTaskSpec spec, List<ValidationProblem> problems)
    {
        if (spec.RevisionFrom is not { } from) return;
        if (spec.Revision is not null)
        {
            problems.Add(new("spec.revisionFrom", "set either revision or revisionFrom, not both: revisionFrom takes each revision from the GitRepository or Application"));
        }
        if (RevisionSource.ApiVersionOf(from.Kind) is not { } apiVersion)
        {
            problems.Add(new("spec.revisionFrom.kind", $"\"{from.Kind}\" is not a revision source; use {RevisionSource.GitRepositoryKind} (Flux) or {RevisionSource.ApplicationKind} (Argo CD)"));
        }
        else if (from.ApiVersion is { } given && given != apiVersion)
        {
            problems.Add(new("spec.revisionFrom.apiVersion", $"\"{given}\" is not supported for {from.Kind}; use {apiVersion} or leave it out"));
        }
        if (string.IsNullOrWhiteSpace(from.Name)) problems.Add(new("spec.revisionFrom.name", "Required value"));
    }
}
