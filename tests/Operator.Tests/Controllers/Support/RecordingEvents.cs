using CiBridge.Kubernetes.Events;
using CiBridge.Kubernetes.Models;

namespace CiBridge.Operator.Tests.Controllers.Support;

/// <summary>Keeps the Events a reconciler recorded, in order.</summary>
internal sealed class RecordingEvents : IEventRecorder
{
    public List<(string Type, string Reason, string Message)> Recorded { get; } = [];

    public IEnumerable<string> Reasons => Recorded.Select(e => e.Reason);

    public void Record(IKubernetesObject regarding, string type, string reason, string message) => Recorded.Add((type, reason, message));
}
