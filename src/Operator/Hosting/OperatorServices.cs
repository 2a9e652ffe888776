using System.Diagnostics.Metrics;
using CiBridge.Entities;
using CiBridge.Entities.CiTasks;
using CiBridge.Entities.JenkinsEndpoints;
using CiBridge.Entities.Validation;
using CiBridge.Jenkins;
using CiBridge.Kubernetes.Cache;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Configuration;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Hosting;
using CiBridge.Kubernetes.LeaderElection;
using CiBridge.Kubernetes.Models;
using CiBridge.Operator.Configuration;
using CiBridge.Operator.Controllers.Endpoints;
using CiBridge.Operator.Controllers.Revisions;
using CiBridge.Operator.Controllers.Shared;
using CiBridge.Operator.Controllers.Tasks;
using CiBridge.Operator.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CiBridge.Operator.Hosting;

/// <summary>Registers the Kubernetes runtime, the Jenkins client and both controllers.</summary>
internal static class OperatorServices
{
    public static IServiceCollection AddCiBridgeOperator(this IServiceCollection services, OperatorOptions options)
    {
        services.TryAddSingleton(TimeProvider.System);
        // Before the runtime: the approved list is read before the controllers start.
        var approved = services.AddApprovedProviders(options);
        services.AddKubernetesRuntime(runtime => Configure(runtime, options));
        services.AddSingleton<IKubernetesReader>(p => p.GetRequiredService<IInformerCache>());
        services.AddSingleton<IKubernetesWriter>(p => p.GetRequiredService<IKubernetesClient>());
        var refused = RefusedNetworksOf(options);
        services.AddSingleton(refused);
        services.AddJenkinsClient(refused.IsEmpty ? null : refused.Contains);
        services.AddSingleton(p => new StatusWriter(p.GetRequiredService<IKubernetesClient>(), p.GetRequiredService<IManager>().Json, p.GetRequiredService<TimeProvider>()));
        services.AddSingleton(p => new OperatorMetrics(p.GetRequiredService<IMeterFactory>()));
        services.AddSingleton<EndpointSettingsReader>();
        services.AddSingleton(p => new VerifySchedule(p.GetRequiredService<TimeProvider>(), Random.Shared.NextDouble));
        services.AddSingleton<EndpointReconcileContext>();
        services.AddSingleton<EndpointSteps>();
        services.AddSingleton<QueueClaims>();
        var revisionWatch = new RevisionWatch();
        services.AddSingleton(revisionWatch);
        services.AddSingleton<RevisionSources>();
        services.AddSingleton<TaskContext>();
        services.AddSingleton<TaskEndpoints>();
        services.AddSingleton<ParameterResolver>();
        services.AddSingleton<TriggerRecovery>();
        services.AddSingleton<RunStarter>();
        services.AddSingleton<RunFollower>();
        services.AddSingleton<TaskSteps>();
        services.TryAddSingleton(CleanupPolicy.Default);
        services.AddSingleton<TaskCleanup>();
        var workers = Math.Max(1, options.MaxConcurrentReconciles);
        services.AddController<EndpointReconciler>(
            new ControllerOptions { Name = "jenkinsendpoint", Workers = workers, RateLimiter = ControllerWiring.EndpointRetries() }, (cache, c) =>
            {
                ControllerWiring.WatchEndpoints(cache, c);
                ControllerWiring.RecheckWhenApprovalChanges<JenkinsEndpoint>(approved, cache, c);
            });
        services.AddController<CiTaskReconciler>(
            new ControllerOptions { Name = "citask", Workers = workers, RateLimiter = ControllerWiring.TaskRetries() }, (cache, c) =>
            {
                ControllerWiring.WatchTasks(cache, c);
                revisionWatch.Connect(cache, c);
                ControllerWiring.RecheckWhenApprovalChanges<CiTask>(approved, cache, c);
            });
        return services;
    }

    /// <summary>The installation's refused networks; an entry that is no address or range is a usage error naming the flag.</summary>
    private static RefusedNetworks RefusedNetworksOf(OperatorOptions options)
    {
        try
        {
            return new RefusedNetworks(options.RefusedEndpointNetworks);
        }
        catch (FormatException e)
        {
            throw new ArgumentException($"--refused-endpoint-networks: {e.Message}", e);
        }
    }

    private static void Configure(KubernetesRuntimeOptions runtime, OperatorOptions options)
    {
        runtime.KubeConfig = new KubeConfigOptions { Path = options.Kubeconfig, Context = options.Context };
        runtime.Client = new KubernetesClientOptions
        {
            FieldManager = CiBridgeApi.FieldManager,
            UserAgent = "ci-bridge",
            Qps = options.KubeApiQps,
            Burst = options.KubeApiBurst,
        };
        runtime.JsonResolvers.Add(EntitiesJsonContext.Default);
        runtime.JsonResolvers.Add(GitOpsJsonContext.Default);
        runtime.Informers = new InformerOptions { Namespaces = options.WatchNamespaces, ReleasableFinalizers = new HashSet<string> { CiBridgeApi.Finalizer } };
        runtime.FieldSelectors[typeof(Secret)] = SecretCache.FieldSelector;
        runtime.Events.Component = CiBridgeApi.FieldManager;
        if (options.LeaderElection)
        {
            runtime.LeaderElection = new LeaderElectionOptions
            {
                LeaseName = options.LeaderElectionLease,
                LeaseNamespace = ApprovedProvidersServices.OperatorNamespace(options),
            };
        }
    }
}
