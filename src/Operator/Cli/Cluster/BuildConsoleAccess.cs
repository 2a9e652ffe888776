using CiBridge.Entities.CiTasks;
using CiBridge.Entities.JenkinsEndpoints;
using CiBridge.Jenkins;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Operator.Controllers.Shared;
using CiBridge.Operator.Controllers.Tasks;

namespace CiBridge.Operator.Cli.Cluster;

/// <summary>
/// What reading a task's console needs, read with the user's own RBAC exactly as the operator
/// reads it: the endpoint's client settings (<see cref="EndpointSettingsReader"/>) and every value
/// to hide (<see cref="ParameterResolver"/>'s Secret-sourced parameters, plus the credentials).
/// A value that cannot be read stops here: a console is never printed unredacted.
/// </summary>
internal static class BuildConsoleAccess
{
    public static async Task<(JenkinsEndpointSettings Settings, IReadOnlySet<string> Secrets)> ReadAsync(IKubernetesReader client, CiTask task, CancellationToken ct)
    {
        var ns = task.Metadata.Namespace;
        var endpoint = await ObjectReads.GetAsync<JenkinsEndpoint>(client, new ObjectKey(ns, EndpointName(task)), ct);
        var (settings, failure) = await new EndpointSettingsReader(client).ReadAsync(endpoint, ct);
        if (failure is not null) throw new CliUsageException($"jenkinsendpoint/{endpoint.Metadata.Name}: {failure.Message}");
        var (parameters, parameterFailure) = await new ParameterResolver(client).ResolveAsync(task, ct);
        if (parameterFailure is not null) throw new CliUsageException($"cannot redact the console of citask/{task.Metadata.Name}: {parameterFailure.Message}");
        var secrets = new HashSet<string>(parameters!.SecretValues, StringComparer.Ordinal) { settings!.Client.Secret };
        secrets.UnionWith(settings.Client.Headers.Values.Where(v => v.Length > 0));
        var options = (settings.Client.Options ?? new JenkinsClientOptions()) with { ConsoleChunkMaxBytes = ConsoleStreamer.ChunkMaxBytes };
        return (settings.Client with { Options = options }, secrets);
    }

    /// <summary>
    /// The endpoint the task's runs are on, in the task's namespace: the one status.endpoint recorded
    /// (spec.endpointRef, or the namespace's default it resolved to), else spec.endpointRef.
    /// </summary>
    private static string EndpointName(CiTask task) =>
        task.Status?.Endpoint?.Name ?? task.Spec.EndpointRef?.Name
            ?? throw new CliUsageException($"citask/{task.Metadata.Name} has no spec.endpointRef and has not resolved its namespace's default endpoint yet (status.endpoint is empty)");
}
