using CiBridge.Sandbox.Jenkins.Model;

namespace CiBridge.Sandbox.Jenkins.Http;

/// <summary>Who sent a request: a user (via password or API token) or anonymous.</summary>
internal sealed record Caller(StandInUser? User, bool ViaApiToken)
{
    public static Caller Anonymous { get; } = new(null, false);

    public string Name => User?.Id ?? "anonymous";
}
