namespace CiBridge.Sandbox.Jenkins.Model;

/// <summary>
/// The stand-in's state: items, users, queue and builds. Time moves lazily: every request first
/// calls <see cref="Tick"/>, which replays the events (items falling due, builds ending) up to now
/// in order, so a manual clock gives exact, deterministic behaviour without timers.
/// </summary>
internal sealed class JenkinsWorld(JenkinsStandInOptions options)
{
    public static readonly TimeSpan LeftItemLifetime = TimeSpan.FromMinutes(5);

    private readonly List<QueueEntry> _queue = [];
    private long _nextQueueId = options.FirstQueueId;

    public Lock Gate { get; } = new();
    public JenkinsStandInOptions Options { get; } = options;
    public JenkinsItem Root { get; } = new("", null, isFolder: true);
    public Dictionary<string, StandInUser> Users { get; } = new(StringComparer.OrdinalIgnoreCase);
    public List<BuildRecord> AllBuilds { get; } = [];
    public DateTimeOffset Now => Options.TimeProvider.GetUtcNow();

    public IEnumerable<QueueEntry> Queued => _queue.Where(q => q.IsQueued);

    public JenkinsItem? Find(IEnumerable<string> path)
    {
        var item = Root;
        foreach (var name in path)
        {
            if (!item.IsFolder || !item.Children.TryGetValue(name, out var child)) return null;
            item = child;
        }
        return item;
    }

    public JenkinsItem Ensure(string fullName, bool folder)
    {
        var item = Root;
        var names = fullName.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < names.Length; i++)
        {
            var isLast = i == names.Length - 1;
            if (!item.Children.TryGetValue(names[i], out var child))
            {
                child = new JenkinsItem(names[i], item, isFolder: !isLast || folder);
                item.Children[names[i]] = child;
            }
            if (!isLast && !child.IsFolder) throw new InvalidOperationException($"'{child.FullName}' is a job, not a folder");
            item = child;
        }
        return item;
    }

    public QueueEntry? FindQueueItem(long id) => _queue.Find(q => q.Id == id);

    /// <summary>Queue.schedule2: an identical queued request is reused (the cause is folded in).</summary>
    public (QueueEntry Item, bool Coalesced) Schedule(JenkinsItem job, IReadOnlyDictionary<string, string> parameters, UserCause cause, TimeSpan quiet)
    {
        var now = Now;
        var existing = _queue.Find(q => q.SameRequest(job, parameters));
        if (existing is not null)
        {
            existing.Causes.Add(cause);
            if (existing.State == QueueState.Waiting && now + quiet < existing.DueAt) existing.DueAt = now + quiet;
            return (existing, true);
        }
        var item = new QueueEntry(_nextQueueId++, job, parameters, now) { DueAt = now + quiet };
        item.Causes.Add(cause);
        _queue.Add(item);
        Tick();
        return (item, false);
    }

    /// <summary>Drops items that have left the queue (one, or all for null), as Jenkins forgets them after a while or on restart.</summary>
    public int ForgetLeftItems(long? id)
    {
        Tick();
        return _queue.RemoveAll(q => !q.IsQueued && (id is null || q.Id == id));
    }

    public CancelOutcome Cancel(long id)
    {
        var item = FindQueueItem(id);
        if (item is null) return CancelOutcome.NotFound;
        if (!item.IsQueued) return CancelOutcome.AlreadyLeft;
        item.State = QueueState.Left;
        item.Cancelled = true;
        item.LeftAt = Now;
        item.Why = null;
        return CancelOutcome.Cancelled;
    }

    public void Stop(BuildRecord build, string user)
    {
        if (!build.Building || build.AbortedBy is not null) return;
        build.AbortedBy = user;
        build.AbortAt = Now + Options.AbortDelay;
        Tick();
    }

    /// <summary>Replays every event up to now in time order.</summary>
    public void Tick()
    {
        var now = Now;
        while (NextEvent(now) is { } at)
        {
            FinishBuildsDueAt(at);
            StartItemsDueAt(at);
        }
        _queue.RemoveAll(q => q.LeftAt is { } left && left + LeftItemLifetime <= now);
        foreach (var item in _queue.Where(q => q.State == QueueState.Waiting))
        {
            item.Why = "In the quiet period. Expires in " + TimeSpans.Describe(item.DueAt - now);
        }
    }

    private DateTimeOffset? NextEvent(DateTimeOffset now)
    {
        var builds = AllBuilds.Where(b => b.Building).Select(b => (DateTimeOffset?)b.DueAt).Min();
        var items = _queue.Where(q => q.State == QueueState.Waiting).Select(q => (DateTimeOffset?)q.DueAt).Min();
        var next = builds is null ? items : items is null ? builds : builds < items ? builds : items;
        return next <= now ? next : null;
    }

    private void FinishBuildsDueAt(DateTimeOffset at)
    {
        foreach (var build in AllBuilds.Where(b => b.Building && b.DueAt <= at))
        {
            build.FinishedAt = build.DueAt;
            build.Result = build.AbortedBy is not null ? "ABORTED" : build.Behavior.Result;
        }
    }

    private void StartItemsDueAt(DateTimeOffset at)
    {
        foreach (var item in _queue.Where(q => q.IsQueued && q.DueAt <= at).OrderBy(q => q.Id).ToList())
        {
            var running = item.Job.Builds.Find(b => b.Building);
            if (item.Job.Kind == JobKind.Freestyle && running is not null)
            {
                item.State = QueueState.Blocked;
                item.Why = $"Build #{running.Number} is already in progress (ETA: N/A)";
            }
            else if (item.Job.Kind == JobKind.Freestyle && BusyExecutors >= Options.Executors)
            {
                item.State = QueueState.Buildable;
                item.Why = "Waiting for next available executor";
            }
            else
            {
                Start(item, at);
                continue;
            }
            item.BuildableSince ??= at;
        }
    }

    private int BusyExecutors => AllBuilds.Count(b => b.Building && b.Job.Kind == JobKind.Freestyle);

    private void Start(QueueEntry item, DateTimeOffset at)
    {
        var build = new BuildRecord(item.Job, item.Job.NextBuildNumber++, item, at);
        item.Job.Builds.Add(build);
        AllBuilds.Add(build);
        item.State = QueueState.Left;
        item.LeftAt = at;
        item.Executable = build;
        item.Why = null;
    }
}
