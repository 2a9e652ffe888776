using CiBridge.Kubernetes.Events;
using CiBridge.Operator.Configuration;
using CiBridge.Operator.Metrics;

namespace CiBridge.Operator.Controllers.Tasks;

/// <summary>The CiTask controller's settings and collaborators that are not API clients.</summary>
internal sealed record TaskContext(ApprovedProviderList ApprovedProviders, QueueClaims Claims, IEventRecorder Events, OperatorMetrics Metrics, TimeProvider Time);
