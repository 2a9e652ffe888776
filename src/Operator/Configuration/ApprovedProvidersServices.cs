using CiBridge.Entities.Validation;
using CiBridge.Kubernetes.Client;
using CiBridge.Operator.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CiBridge.Operator.Configuration;

/// <summary>Registers the approved list: fixed from the flags, or live from a ConfigMap.</summary>
internal static class ApprovedProvidersServices
{
    /// <summary>Adds <see cref="ApprovedProviderList"/> (and its watcher when a ConfigMap is named) and returns the list.</summary>
    public static ApprovedProviderList AddApprovedProviders(this IServiceCollection services, OperatorOptions options)
    {
        var list = new ApprovedProviderList(new ApprovedProviders(options.ApprovedProviders));
        services.AddSingleton(list);
        if (options.ApprovedProvidersConfigMap is { } name)
        {
            var configMap = ApprovedProvidersConfigMap.Reference(name, OperatorNamespace(options));
            services.AddHostedService(p => new ApprovedProvidersWatcher(
                list, configMap, p.GetRequiredService<IKubernetesClient>(), p.GetRequiredService<TimeProvider>(),
                p.GetRequiredService<ILogger<ApprovedProvidersWatcher>>()));
        }
        return list;
    }

    /// <summary>Where the operator runs (the chart sets POD_NAMESPACE), as for the leader election Lease.</summary>
    public static string OperatorNamespace(OperatorOptions options) =>
        options.LeaderElectionNamespace ?? Environment.GetEnvironmentVariable("POD_NAMESPACE") ?? "default";
}
