using CiBridge.Entities.Validation;
using CiBridge.Kubernetes.Events;

namespace CiBridge.Operator.Controllers.Endpoints;

/// <summary>The endpoint controller's settings and collaborators that are not Kubernetes or Jenkins clients.</summary>
internal sealed record EndpointReconcileContext(ApprovedProviders ApprovedProviders, VerifySchedule Schedule, IEventRecorder Events, TimeProvider Time);
