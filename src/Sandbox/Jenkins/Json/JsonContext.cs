using CiBridge.Sandbox.Jenkins.Model;

namespace CiBridge.Sandbox.Jenkins.Json;

/// <summary>What JSON rendering needs: the root URL, the queue, and whether a
/// <c>tree=</c> asks for nested objects in full.</summary>
internal sealed record JsonContext(string Root, bool Full, JenkinsWorld World)
{
    public QueueEntry? QueuedItem(JenkinsItem job) => World.Queued.FirstOrDefault(q => ReferenceEquals(q.Job, job));
}
