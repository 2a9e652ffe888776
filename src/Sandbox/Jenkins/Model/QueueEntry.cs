namespace CiBridge.Sandbox.Jenkins.Model;

/// <summary>A queue item: waiting in the quiet period, blocked, buildable, or left.</summary>
internal sealed class QueueEntry(long id, JenkinsItem job, IReadOnlyDictionary<string, string> parameters, DateTimeOffset inQueueSince)
{
    public long Id { get; } = id;
    public JenkinsItem Job { get; } = job;
    public IReadOnlyDictionary<string, string> Parameters { get; } = parameters;
    public DateTimeOffset InQueueSince { get; } = inQueueSince;
    public DateTimeOffset DueAt { get; set; }
    public List<UserCause> Causes { get; } = [];
    public QueueState State { get; set; } = QueueState.Waiting;
    public DateTimeOffset? BuildableSince { get; set; }
    public DateTimeOffset? LeftAt { get; set; }
    public bool Cancelled { get; set; }
    public BuildRecord? Executable { get; set; }
    public string? Why { get; set; }

    public bool IsQueued => State is QueueState.Waiting or QueueState.Blocked or QueueState.Buildable;

    public bool SameRequest(JenkinsItem job, IReadOnlyDictionary<string, string> parameters) =>
        IsQueued && ReferenceEquals(Job, job) && Parameters.Count == parameters.Count
        && Parameters.All(p => parameters.TryGetValue(p.Key, out var v) && v == p.Value);
}
