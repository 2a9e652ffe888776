using System.Text.Json;
using CiBridge.Entities;
using CiBridge.Entities.Validation;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Operator.Configuration;
using CiBridge.Operator.Controllers.Endpoints;
using CiBridge.Operator.Controllers.Revisions;
using CiBridge.Operator.Controllers.Shared;
using CiBridge.Operator.Controllers.Tasks;
using CiBridge.Operator.Metrics;
using Microsoft.Extensions.Time.Testing;

namespace CiBridge.Operator.Tests.Controllers.Support;

/// <summary>Both reconcilers wired as the operator wires them, against an in-memory API and a fake Jenkins, on a fake clock.</summary>
internal sealed class Harness
{
    public Harness()
    {
        Api = new InMemoryApi(Json);
        Cache = new LaggingCache(Api);
        Schedule = new VerifySchedule(Time, () => 0.5);
        var statusWriter = new StatusWriter(Api, Json, Time);
        var settings = new EndpointSettingsReader(Api);
        var endpointContext = new EndpointReconcileContext(new ApprovedProviderList(ApprovedProviders.Default), Schedule, Events, Time);
        Endpoints = new EndpointReconciler(Api, statusWriter, new EndpointSteps(settings, Jenkins, endpointContext), Jenkins, endpointContext);

        var claims = new QueueClaims();
        var metrics = new OperatorMetrics();
        var taskContext = new TaskContext(new ApprovedProviderList(ApprovedProviders.Default), claims, Events, metrics, Time, new RevisionSources(Api, Revisions));
        var taskEndpoints = new TaskEndpoints(Api, settings, Jenkins);
        var parameters = new ParameterResolver(Api);
        var steps = new TaskSteps(taskEndpoints, parameters, new RunStarter(Api, claims, new TriggerRecovery(Cache, claims, Time), metrics, Time), new RunFollower(claims, metrics, Time), taskContext);
        Tasks = new CiTaskReconciler(Cache, steps, new TaskCleanup(taskEndpoints, Api, taskContext, CleanupPolicy.Default), Api, statusWriter, taskContext);
    }

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2030, 1, 1, 12, 0, 0, TimeSpan.Zero));

    public JsonSerializerOptions Json { get; } = KubernetesJson.CreateOptions(EntitiesJsonContext.Default, GitOpsJsonContext.Default);

    public InMemoryApi Api { get; }

    /// <summary>What the CiTask reconciler reads as its cache: the API, unless a test holds an object back.</summary>
    public LaggingCache Cache { get; }

    public FakeJenkins Jenkins { get; } = new();

    public RecordingEvents Events { get; } = new();

    /// <summary>Not connected to a cache: revision sources are read from <see cref="Api"/>.</summary>
    public RevisionWatch Revisions { get; } = new();

    /// <summary>No jitter: the interval exactly.</summary>
    public VerifySchedule Schedule { get; }

    public EndpointReconciler Endpoints { get; }

    public CiTaskReconciler Tasks { get; }

    public static ObjectKey EndpointKey => new(Objects.Namespace, "jenkins");

    public static ObjectKey TaskKey => new(Objects.Namespace, "build");

    /// <summary>The Secret and the endpoint exist, and the endpoint has been verified once.</summary>
    public async Task<Harness> WithVerifiedEndpointAsync()
    {
        await Api.CreateAsync(Objects.Credentials(), Ct);
        await Api.CreateAsync(Objects.Endpoint(), Ct);
        await Endpoints.ReconcileAsync(EndpointKey, Ct);
        return this;
    }

    public Task<T?> GetAsync<T>(ObjectKey key) where T : class, Kubernetes.Models.IKubernetesObject => Api.GetAsync<T>(key, Ct).AsTask();
}
