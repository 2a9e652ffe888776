using Microsoft.Extensions.Hosting;

namespace CiBridge.Sandbox;

/// <summary>
/// The sandbox is a component inside someone else's process (the CLI, a test), so its web host
/// must not take over SIGINT/SIGTERM the way the default console lifetime does: the owner stops
/// it by disposing it.
/// </summary>
public sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
