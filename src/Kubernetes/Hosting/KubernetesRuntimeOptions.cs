using System.Text.Json.Serialization.Metadata;
using CiBridge.Kubernetes.Cache;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Configuration;
using CiBridge.Kubernetes.Events;
using CiBridge.Kubernetes.LeaderElection;

namespace CiBridge.Kubernetes.Hosting;

/// <summary>Everything the manager needs; the host fills it in from its own configuration.</summary>
public sealed class KubernetesRuntimeOptions
{
    /// <summary>The cluster to talk to.</summary>
    /// <value>Defaults to <see cref="KubernetesConfig.LoadDefault"/> with <see cref="KubeConfig"/>.</value>
    public KubernetesClientConfiguration? Configuration { get; set; }

    /// <summary>Used when <see cref="Configuration"/> is null (context override, explicit file).</summary>
    public KubeConfigOptions? KubeConfig { get; set; }

    /// <summary>Client behaviour; <see cref="KubernetesClientOptions.FieldManager"/> is required.</summary>
    public KubernetesClientOptions? Client { get; set; }

    /// <summary>Source-generated JSON contexts of the app's own kinds.</summary>
    public IList<IJsonTypeInfoResolver> JsonResolvers { get; } = [];

    /// <summary>Options shared by every informer (namespace to watch, resync).</summary>
    public InformerOptions Informers { get; set; } = new();

    /// <summary>
    /// Per kind, a field selector its informer lists and watches with (controller-runtime's cache
    /// <c>ByObject</c>): objects of the kind that no controller reads never reach memory.
    /// </summary>
    public IDictionary<Type, string> FieldSelectors { get; } = new Dictionary<Type, string>();

    /// <summary>Null runs controllers on every replica without leader election.</summary>
    public LeaderElectionOptions? LeaderElection { get; set; }

    public EventRecorderOptions Events { get; set; } = new();

    /// <summary>How long the caches may take to sync at start before the manager fails.</summary>
    /// <value>Defaults to 2 minutes.</value>
    public TimeSpan CacheSyncTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Replaces the network (tests).</summary>
    internal HttpMessageHandler? Handler { get; set; }

    internal void Validate()
    {
        if (Client is null || string.IsNullOrWhiteSpace(Client.FieldManager)) throw new ArgumentException("Client.FieldManager is required");
        if (string.IsNullOrWhiteSpace(Events.Component)) throw new ArgumentException("Events.Component is required");
        LeaderElection?.Validate();
        if (CacheSyncTimeout <= TimeSpan.Zero) throw new ArgumentException("CacheSyncTimeout must be positive");
    }
}
