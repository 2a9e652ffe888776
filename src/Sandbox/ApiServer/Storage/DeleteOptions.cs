namespace CiBridge.Sandbox.ApiServer.Storage;

/// <summary>The parts of <c>meta.k8s.io/v1 DeleteOptions</c> the sandbox honours.</summary>
internal sealed record DeleteOptions(string? PreconditionUid, string? PreconditionResourceVersion, string PropagationPolicy, bool DryRun = false)
{
    public static DeleteOptions Default { get; } = new(null, null, "Background");
}
