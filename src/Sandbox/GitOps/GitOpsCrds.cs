namespace CiBridge.Sandbox.GitOps;

/// <summary>
/// Small copies of the CRDs of Flux's GitRepository and Argo CD's Application, with their public
/// names and schema shapes, so the sandbox and the tests can play source-controller and Argo CD
/// for CiTasks that take their revision from one (<c>spec.revisionFrom</c>).
/// </summary>
public static class GitOpsCrds
{
    public const string GitRepositories = "gitrepositories.source.toolkit.fluxcd.io";
    public const string Applications = "applications.argoproj.io";

    /// <summary>The YAML of both CRDs, for <see cref="ApiServer.SandboxApiServer.ApplyAsync"/>.</summary>
    public static IReadOnlyList<string> Render() => [Read("gitrepositories.yaml"), Read("applications.yaml")];

    private static string Read(string file)
    {
        using var stream = typeof(GitOpsCrds).Assembly.GetManifestResourceStream($"CiBridge.Sandbox.GitOps.{file}")
            ?? throw new InvalidOperationException($"{file} is not embedded in the sandbox assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
