using System.Text.Json.Nodes;
using CiBridge.Entities.CiTasks;
using CiBridge.Entities.JenkinsEndpoints;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Models;

namespace CiBridge.Operator.Cli.Cluster;

/// <summary>Reads and request annotations, with errors that name the object the way kubectl does.</summary>
internal static class ObjectReads
{
    /// <summary>The object; a missing one is a usage error ("citask "x" not found in namespace "y"").</summary>
    public static async Task<T> GetAsync<T>(IKubernetesReader client, ObjectKey key, CancellationToken ct)
        where T : class, IKubernetesObject =>
        await client.GetAsync<T>(key, ct)
        ?? throw new CliUsageException($"{KindName<T>()} \"{key.Name}\" not found in namespace \"{key.Namespace}\"");

    /// <summary>
    /// Sets a request annotation to a new value (the current time, to the tick, so two requests in
    /// one second differ) with a merge patch, which needs no resourceVersion and touches nothing else.
    /// </summary>
    public static async Task<string> RequestAsync<T>(IKubernetesClient client, ObjectKey key, string annotation, CancellationToken ct)
        where T : class, IKubernetesObject
    {
        await GetAsync<T>(client, key, ct);
        var value = TimeProvider.System.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", System.Globalization.CultureInfo.InvariantCulture);
        var patch = new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [annotation] = value } } };
        await client.PatchAsync<T>(key, Patch.Merge(patch), ct);
        return value;
    }

    /// <summary>The kind as kubectl names it in errors and output.</summary>
    public static string KindName<T>() => typeof(T) == typeof(CiTask) ? "citask"
        : typeof(T) == typeof(JenkinsEndpoint) ? "jenkinsendpoint"
        : typeof(T).Name.ToLowerInvariant();
}
