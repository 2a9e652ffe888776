using CiBridge.Kubernetes.Events;
using CiBridge.Operator.Configuration;

namespace CiBridge.Operator.Controllers.Endpoints;

/// <summary>
/// The endpoint controller's settings and collaborators that are not Kubernetes or Jenkins clients;
/// <c>Refused</c> is the installation's refused networks (null: the built-in list).
/// </summary>
internal sealed record EndpointReconcileContext(ApprovedProviderList ApprovedProviders, VerifySchedule Schedule, IEventRecorder Events, TimeProvider Time, Entities.Validation.RefusedNetworks? Refused = null);
