using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Models;
using CiBridge.Operator.Controllers.Revisions;

namespace CiBridge.EndToEnd.Tests;

/// <summary>
/// Plays Flux's source-controller and Argo CD in a test namespace: creates a GitRepository or an
/// Application and reports a new revision on its status the way those controllers do
/// (<c>status.artifact.revision</c> as <c>branch@sha1:sha</c> through the status subresource;
/// <c>status.sync.revision</c> with an ordinary update, since Argo CD's CRD has no status subresource).
/// </summary>
internal sealed class GitOpsActor(Scenario scenario)
{
    private Kubernetes.Client.IKubernetesClient Client => scenario.Environment.Client;

    public async Task CreateGitRepositoryAsync(string name, string branch, string? sha)
    {
        var created = await Client.CreateAsync(new FluxGitRepository
        {
            Metadata = new ObjectMeta { Name = name, Namespace = scenario.Namespace },
            Spec = new GitRepositorySpec { Url = "https://git.example.com/team/app.git", Interval = "1m", Ref = new GitRepositoryRef { Branch = branch } },
        }, Scenario.Ct);
        if (sha is not null) await PushAsync(name, sha, created);
    }

    /// <summary>source-controller fetched <paramref name="sha"/> of the repository's branch.</summary>
    public async Task PushAsync(string name, string sha, FluxGitRepository? current = null)
    {
        var repository = current ?? (await Client.GetAsync<FluxGitRepository>(new ObjectKey(scenario.Namespace, name), Scenario.Ct))!;
        repository.Status = new GitRepositoryStatus
        {
            Artifact = new FluxArtifact
            {
                Revision = $"{repository.Spec!.Ref!.Branch}@sha1:{sha}",
                Digest = $"sha256:{sha}",
                Path = $"gitrepository/{scenario.Namespace}/{name}/{sha}.tar.gz",
                Url = $"http://source-controller.flux-system.svc/gitrepository/{scenario.Namespace}/{name}/{sha}.tar.gz",
                LastUpdateTime = "2026-12-03T06:00:00Z",
            },
        };
        await Client.Status.ReplaceStatusAsync(repository, Scenario.Ct);
    }

    public async Task CreateApplicationAsync(string name, string sha)
    {
        await Client.CreateAsync(new ArgoApplication
        {
            Metadata = new ObjectMeta { Name = name, Namespace = scenario.Namespace },
            Spec = new ApplicationSpec
            {
                Project = "default",
                Source = new ApplicationSource { RepoUrl = "https://git.example.com/team/app.git", Path = "deploy", TargetRevision = "main" },
                Destination = new ApplicationDestination { Server = "https://kubernetes.default.svc", Namespace = scenario.Namespace },
            },
            Status = new ApplicationStatus { Sync = new ApplicationSync { Status = "Synced", Revision = sha } },
        }, Scenario.Ct);
    }

    /// <summary>Argo CD synced the application to <paramref name="sha"/>.</summary>
    public async Task SyncAsync(string name, string sha)
    {
        var application = (await Client.GetAsync<ArgoApplication>(new ObjectKey(scenario.Namespace, name), Scenario.Ct))!;
        application.Status = new ApplicationStatus { Sync = new ApplicationSync { Status = "Synced", Revision = sha } };
        await Client.ReplaceAsync(application, Scenario.Ct);
    }
}
