using System.Diagnostics.Metrics;
using CiBridge.Kubernetes.Cache;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CiBridge.Kubernetes.Hosting;

/// <summary>A controller to build when the host starts.</summary>
internal sealed record ControllerRegistration(Type Reconciler, ControllerOptions Options, Action<IInformerCache, IController> Watch);

/// <summary>Generic-host wiring, in the shape of KubeOps' <c>AddKubernetesOperator()</c>.</summary>
public static class KubernetesRuntimeServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IManager"/>, <see cref="IKubernetesClient"/>, <see cref="IInformerCache"/>
    /// (the reader reconcilers should use), <see cref="IEventRecorder"/> and a hosted service that runs
    /// the manager. When leadership is lost the host is stopped, so the pod restarts (as controller-runtime does).
    /// </summary>
    public static IServiceCollection AddKubernetesRuntime(this IServiceCollection services, Action<KubernetesRuntimeOptions> configure)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton(p => new ControllerMetrics(p.GetRequiredService<IMeterFactory>()));
        services.AddSingleton(provider =>
        {
            var options = new KubernetesRuntimeOptions();
            configure(options);
            return ControllerManager.Create(options, provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILoggerFactory>());
        });
        services.AddSingleton<IManager>(p => p.GetRequiredService<ManagerParts>().Manager);
        services.AddSingleton(p => p.GetRequiredService<ManagerParts>().Events);
        services.AddSingleton(p => p.GetRequiredService<IManager>().Client);
        services.AddSingleton(p => p.GetRequiredService<IManager>().Cache);
        services.AddHostedService<ManagerHostedService>();
        return services;
    }

    /// <summary>
    /// Adds a controller whose reconciler is <typeparamref name="TReconciler"/> (resolved from the
    /// container). <paramref name="watch"/> connects informers to the controller's queue, for example
    /// <c>(cache, c) =&gt; cache.GetInformer&lt;CiTask&gt;().AddEventHandler(EventHandlers.EnqueueObject&lt;CiTask&gt;(c.Queue))</c>.
    /// </summary>
    public static IServiceCollection AddController<TReconciler>(
        this IServiceCollection services, ControllerOptions options, Action<IInformerCache, IController> watch)
        where TReconciler : class, IReconciler
    {
        services.TryAddSingleton<TReconciler>();
        services.AddSingleton(new ControllerRegistration(typeof(TReconciler), options, watch));
        return services;
    }
}

/// <summary>Builds the registered controllers and runs the manager for the life of the host.</summary>
internal sealed class ManagerHostedService(
    IManager manager,
    IEnumerable<ControllerRegistration> registrations,
    IServiceProvider services,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILoggerFactory loggers,
    ControllerMetrics metrics) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var registration in registrations)
        {
            var reconciler = (IReconciler)services.GetRequiredService(registration.Reconciler);
            var controller = new Controller(reconciler, registration.Options, time, loggers.CreateLogger($"Kubernetes.Controller.{registration.Options.Name}"), metrics);
            registration.Watch(manager.Cache, controller);
            manager.Add(controller);
        }
        if (!await manager.RunAsync(stoppingToken)) lifetime.StopApplication();
    }
}
