using CiBridge.Sandbox.ApiServer.Resources;
using CiBridge.Sandbox.ApiServer.Storage;
using CiBridge.Sandbox.ApiServer.Tables;

namespace CiBridge.Sandbox.ApiServer.Http;

/// <summary>The shared parts every handler needs.</summary>
internal sealed record ApiContext(
    ResourceRegistry Registry,
    ObjectService Objects,
    TableConverter Tables,
    Patch.ManagedFields Fields,
    RequestCounters Counters,
    TimeProvider Time,
    SandboxApiServerOptions Options)
{
    public ObjectStore Store => Objects.Store;

    /// <summary>How often idle watches with allowWatchBookmarks get a BOOKMARK event.</summary>
    public TimeSpan BookmarkInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Cancelled when the server stops: open watches end at once instead of holding up shutdown.</summary>
    public CancellationToken Stopping { get; init; }
}
