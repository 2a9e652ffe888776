using CiBridge.Kubernetes.Events;
using CiBridge.Operator.Configuration;

namespace CiBridge.Operator.Controllers.Endpoints;

/// <summary>The endpoint controller's settings and collaborators that are not Kubernetes or Jenkins clients.</summary>
internal sealed record EndpointReconcileContext(ApprovedProviderList ApprovedProviders, VerifySchedule Schedule, IEventRecorder Events, TimeProvider Time);
