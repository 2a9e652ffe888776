using CiBridge.Kubernetes.Cache;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Models;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CiBridge.Operator.Configuration;

/// <summary>
/// Keeps <see cref="ApprovedProviderList"/> in step with the approved-providers ConfigMap. It reads
/// the ConfigMap once before the controllers start (so they never judge objects by a stale list),
/// then watches that one object (a field selector on its name, so RBAC can name it). A ConfigMap
/// that is missing or wrong leaves the list as it was and says so in the log.
/// </summary>
internal sealed partial class ApprovedProvidersWatcher(
    ApprovedProviderList list,
    ObjectKey configMap,
    IKubernetesClient client,
    TimeProvider time,
    ILogger<ApprovedProvidersWatcher> logger) : IHostedService, IResourceEventHandler<ConfigMap>, IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task _watching = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (await client.GetAsync<ConfigMap>(configMap, cancellationToken) is { } found) Apply(found);
            else LogMissing(logger, configMap.ToString(), list.Current.Describe());
        }
        catch (Exception e) when (e is ApiException or HttpRequestException)
        {
            LogUnreadable(logger, configMap.ToString(), e.Message, list.Current.Describe());
        }
        var informer = Informer.Create<ConfigMap>(client, new InformerOptions
        {
            Namespaces = [configMap.Namespace!],
            FieldSelector = $"metadata.name={configMap.Name}",
        }, time, logger);
        informer.AddEventHandler(this);
        _watching = informer.RunAsync(_stop.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stop.CancelAsync();
        try
        {
            await _watching.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
    }

    public void Dispose() => _stop.Dispose();

    public void OnAdd(ConfigMap obj) => Apply(obj);

    public void OnUpdate(ConfigMap oldObj, ConfigMap newObj) => Apply(newObj);

    public void OnDelete(ConfigMap obj)
    {
        if (ObjectKey.Of(obj) == configMap) LogMissing(logger, configMap.ToString(), list.Current.Describe());
    }

    private void Apply(ConfigMap found)
    {
        if (ObjectKey.Of(found) != configMap) return;   // the field selector should already ensure it
        var (next, problem) = ApprovedProvidersConfigMap.Read(found);
        if (next is null)
        {
            LogWrong(logger, problem!, list.Current.Describe());
            return;
        }
        var (before, after, where) = (list.Current.Describe(), next.Describe(), configMap.ToString());
        if (before == after) return;
        // Logged before the change takes effect, so the line precedes the reconciles it causes.
        LogChanged(logger, before, after, where);
        list.Replace(next);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Approved provider kinds changed from {Before} to {After} (ConfigMap {ConfigMap}); objects are checked again, none is deleted")]
    private static partial void LogChanged(ILogger logger, string before, string after, string configMap);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ConfigMap {ConfigMap} with the approved provider kinds does not exist; keeping {Current}")]
    private static partial void LogMissing(ILogger logger, string configMap, string current);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot read ConfigMap {ConfigMap} with the approved provider kinds ({Error}); keeping {Current} and watching for it")]
    private static partial void LogUnreadable(ILogger logger, string configMap, string error, string current);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Problem}; keeping the approved provider kinds {Current}")]
    private static partial void LogWrong(ILogger logger, string problem, string current);
}
