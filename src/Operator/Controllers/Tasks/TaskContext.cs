using CiBridge.Kubernetes.Events;
using CiBridge.Operator.Configuration;
using CiBridge.Operator.Metrics;

namespace CiBridge.Operator.Controllers.Tasks;

/// <summary>
/// The CiTask controller's settings and collaborators that are not API clients
/// (<c>Revisions</c> reads <c>spec.revisionFrom</c> and announces skipped revisions).
/// </summary>
internal sealed record TaskContext(ApprovedProviderList ApprovedProviders, QueueClaims Claims, IEventRecorder Events, OperatorMetrics Metrics, TimeProvider Time,
    Revisions.RevisionSources Revisions);
