using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace CiBridge.Jenkins;

/// <summary>Registers the Jenkins client for the host.</summary>
public static class JenkinsServiceCollectionExtensions
{
    /// <summary>Adds <see cref="IJenkinsClientFactory"/> and <see cref="IJenkinsClientPool"/> as singletons
    /// (and <see cref="TimeProvider.System"/> unless a TimeProvider is registered).</summary>
    /// <param name="services">The host's services.</param>
    /// <param name="refusedAddress">Addresses no client connects to, checked after DNS resolution; null connects anywhere.</param>
    public static IServiceCollection AddJenkinsClient(this IServiceCollection services, Func<System.Net.IPAddress, bool>? refusedAddress = null)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IJenkinsClientFactory>(sp =>
            new JenkinsClientFactory(sp.GetRequiredService<TimeProvider>(), sp.GetService<ILoggerFactory>(), refusedAddress,
                metrics: sp.GetService<IMeterFactory>() is { } meters ? new Http.JenkinsMetrics(meters) : null));
        services.TryAddSingleton<IJenkinsClientPool>(sp =>
            new JenkinsClientPool(sp.GetRequiredService<IJenkinsClientFactory>(), sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
