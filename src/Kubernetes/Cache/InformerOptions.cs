using CiBridge.Kubernetes.Models;

namespace CiBridge.Kubernetes.Cache;

/// <summary>What an informer watches and how it recovers.</summary>
public sealed record InformerOptions
{
    /// <summary>
    /// Namespaces to watch, each with its own list and watch (controller-runtime's per-namespace
    /// caches), so nothing outside them is read; empty watches all namespaces.
    /// </summary>
    public IReadOnlyList<string> Namespaces { get; init; } = [];

    public string? LabelSelector { get; init; }

    /// <summary>For example <c>metadata.name=x</c>: watch one object, which RBAC can allow by name.</summary>
    public string? FieldSelector { get; init; }

    /// <summary>Every period, each cached object is reported again as an update; null turns it off.</summary>
    public TimeSpan? ResyncPeriod { get; init; }

    /// <summary>How long the server keeps each watch open: a random time between this and twice this.</summary>
    /// <value>Defaults to 5 minutes (so 5 to 10 minutes, as client-go).</value>
    public TimeSpan WatchTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The first delay before listing or watching again after a failure; it doubles, with jitter, up to <see cref="MaxReconnectDelay"/>.</summary>
    /// <value>Defaults to 800 ms, like client-go's reflector.</value>
    public TimeSpan ReconnectDelay { get; init; } = TimeSpan.FromMilliseconds(800);

    /// <summary>
    /// Told once per resourceVersion about an object that does not fit its type and is therefore
    /// skipped (for example to record a Warning Event on it); it must return quickly.
    /// </summary>
    public Action<UndecodableObject>? OnUndecodable { get; init; }

    /// <summary>
    /// Finalizers this process owns. An object that does not fit its type and is being deleted
    /// has them removed, so its deletion is not held up by an object no controller can read; the
    /// cleanup they stand for is skipped, and the log says so.
    /// </summary>
    public IReadOnlySet<string> ReleasableFinalizers { get; init; } = new HashSet<string>();

    /// <value>Defaults to 30 seconds.</value>
    public TimeSpan MaxReconnectDelay { get; init; } = TimeSpan.FromSeconds(30);
}
