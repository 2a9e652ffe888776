using CiBridge.Entities.Validation;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Models;

namespace CiBridge.Operator.Cli.Cluster;

/// <summary>
/// Reads an object again and again (every <see cref="Interval"/>) until a condition holds. Reads,
/// not a watch: a user allowed to get an object may not be allowed to watch it.
/// </summary>
internal static class ClusterPolling
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// The object once <paramref name="done"/> holds; <paramref name="seen"/> gets every read (for
    /// progress lines); <paramref name="waitingFor"/> names what a timeout did not see happen.
    /// </summary>
    /// <remarks>A null <c>timeout</c> waits as long as it takes (Ctrl-C ends it).</remarks>
    public static async Task<T> UntilAsync<T>(IKubernetesReader client, ObjectKey key, Func<T, bool> done, Action<T>? seen, string waitingFor, TimeSpan? timeout, CancellationToken ct)
        where T : class, IKubernetesObject
    {
        var time = TimeProvider.System;
        var deadline = timeout is { } limit ? time.GetUtcNow() + limit : (DateTimeOffset?)null;
        while (true)
        {
            var obj = await ObjectReads.GetAsync<T>(client, key, ct);
            seen?.Invoke(obj);
            if (done(obj)) return obj;
            if (time.GetUtcNow() >= deadline) throw new CliTimeoutException($"waited {timeout!.Value.TotalSeconds:0.#}s for {waitingFor}");
            await Task.Delay(Interval, time, ct);
        }
    }

    /// <summary>Parses a <c>--timeout</c> value ("60s", "5m"); "0" or absent means no limit.</summary>
    public static TimeSpan? Timeout(string? text, string option)
    {
        if (string.IsNullOrEmpty(text) || text == "0") return null;
        return GoDuration.TryParse(text, out var parsed) ? parsed
            : throw new CliUsageException($"{option} must be a duration such as 60s or 5m, not '{text}'");
    }
}
