using CiBridge.Jenkins.Models;

namespace CiBridge.Jenkins;

/// <summary>Builds: state, lookup by queue id, console text, stop.</summary>
public interface IJenkinsBuilds
{
    /// <summary>Reads a build.</summary>
    Task<BuildInfo> GetBuildAsync(string jobPath, int buildNumber, CancellationToken ct);

    /// <summary>Finds the build a queue item became, among recent builds; null if none.</summary>
    Task<BuildInfo?> FindBuildByQueueIdAsync(string jobPath, long queueItemId, CancellationToken ct);

    /// <summary>Reads console text from a raw byte offset (use <see cref="ConsoleChunk.NextOffset"/> next).</summary>
    Task<ConsoleChunk> ReadConsoleAsync(string jobPath, int buildNumber, long offset, CancellationToken ct);

    /// <summary>Asks a running build to stop (asynchronous in Jenkins; a finished build is left alone).</summary>
    Task StopBuildAsync(string jobPath, int buildNumber, CancellationToken ct);
}
