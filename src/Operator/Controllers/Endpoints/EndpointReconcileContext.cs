using CiBridge.Entities.Validation;
using CiBridge.Operator.Controllers.Shared;

namespace CiBridge.Operator.Controllers.Endpoints;

/// <summary>The endpoint controller's settings and collaborators that are not Kubernetes or Jenkins clients.</summary>
internal sealed record EndpointReconcileContext(ApprovedProviders ApprovedProviders, VerifySchedule Schedule, IObjectEvents Events, TimeProvider Time);
