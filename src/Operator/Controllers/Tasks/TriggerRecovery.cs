using System.Collections.Concurrent;
using CiBridge.Entities.CiTasks;
using CiBridge.Entities.Validation;
using CiBridge.Jenkins.Models;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Controllers;

namespace CiBridge.Operator.Controllers.Tasks;

/// <summary>
/// Before a recorded run whose trigger may have reached Jenkins is triggered again (its answer was
/// a 5xx, a reset or a timeout, or the operator stopped between recording the run and recording
/// its queue item), looks for what that trigger left: by <c>CIBRIDGE_RUN_ID</c> when the job
/// declares it (exact), otherwise by the endpoint's user, the parameter values and the time,
/// skipping items other runs already own. Only when nothing turns up within
/// <see cref="SearchWindow"/> of the trigger is the run triggered again. docs/reliability.md says
/// what the second method can and cannot tell apart.
/// </summary>
internal sealed class TriggerRecovery(IKubernetesReader cache, QueueClaims claims, TimeProvider time)
{
    /// <summary>How far Jenkins' clock may run behind ours: items queued up to this long before the recorded trigger time still count.</summary>
    public static readonly TimeSpan ClockSkewAllowance = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long after the trigger time an empty search is not yet believed. The operator asks for no
    /// quiet period (<c>delay=0sec</c>), so this is all margin: Jenkins' queue maintenance (every 5 s),
    /// the moment between an item leaving the queue and its build being listed, and a request still on its way.
    /// </summary>
    public static readonly TimeSpan SearchWindow = TimeSpan.FromSeconds(10);

    /// <summary>How soon an empty search is repeated inside the window.</summary>
    public static readonly TimeSpan LookAgain = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<ObjectKey, string> _folded = new();
    private readonly ConcurrentDictionary<ObjectKey, (string RunId, DateTimeOffset At)> _unanswered = new();

    /// <summary>Jenkins answered the run's trigger with another CiTask's item: nothing of ours to look for.</summary>
    public void NoteFolded(ObjectKey task, string? runId)
    {
        if (runId is not null) _folded[task] = runId;
    }

    /// <summary>
    /// The run's trigger failed without a verdict (a timeout may end long after the request was
    /// sent): the window counts from now rather than from the recorded trigger time. After a restart
    /// this is unknown and the trigger time counts.
    /// </summary>
    public void NoteUnanswered(ObjectKey task, string? runId)
    {
        if (runId is not null) _unanswered[task] = (runId, time.GetUtcNow());
    }

    /// <param name="r">The reconcile, with the endpoint's client, the job and the parameter values.</param>
    /// <param name="fresh">The task as just read from the API server, its current run recorded and not matched yet.</param>
    /// <param name="ct">Cancels the search.</param>
    public async Task<EarlierTrigger> LookAsync(TaskReconcile r, CiTask fresh, CancellationToken ct)
    {
        var key = ObjectKey.Of(fresh);
        var run = fresh.Status!.CurrentRun!;
        if (_folded.TryRemove(key, out var folded) && folded == run.RunId) return EarlierTrigger.None;
        if (_unanswered.TryGetValue(key, out var stale) && stale.RunId != run.RunId) _unanswered.TryRemove(key, out _);
        var job = r.Job!;
        var found = job.HasParameter(CiTaskValidator.RunIdParameter) && run.RunId is { } runId
            ? await ByRunIdAsync(r, job.FullName, runId, NotBefore(run), ct)
            : await ByFingerprintAsync(r, fresh, run, ct);
        if (found.IsFound) return found;
        var now = time.GetUtcNow();
        var since = run.TriggerTime ?? now;
        if (_unanswered.TryGetValue(key, out var unanswered) && unanswered.RunId == run.RunId && unanswered.At > since) since = unanswered.At;
        var deadline = since + SearchWindow;
        return now < deadline ? EarlierTrigger.WaitFor(deadline - now < LookAgain ? deadline - now : LookAgain) : EarlierTrigger.None;
    }

    private static async Task<EarlierTrigger> ByRunIdAsync(TaskReconcile r, string job, string runId, DateTimeOffset notBefore, CancellationToken ct)
    {
        var location = await r.Client!.FindRunAsync(job, CiTaskValidator.RunIdParameter, runId, notBefore, ct);
        return location is null ? EarlierTrigger.None : EarlierTrigger.Found(location.QueueItemId, location.Build?.Number);
    }

    private async Task<EarlierTrigger> ByFingerprintAsync(TaskReconcile r, CiTask fresh, CiTaskRun run, CancellationToken ct)
    {
        var job = r.Job!;
        var candidates = await r.Client!.FindTriggeredAsync(TriggerFingerprint.Of(job, r.Parameters!.Values, NotBefore(run)), ct);
        if (candidates.Count == 0) return EarlierTrigger.None;
        var taken = await TakenAsync(fresh, job.FullName, ct);
        var key = ObjectKey.Of(fresh);
        var endpoint = RunStarter.EndpointOf(fresh);
        foreach (var candidate in candidates.Where(c => !taken.Contains(c.QueueItemId)))
        {
            if (claims.TryClaim(endpoint, job.FullName, candidate.QueueItemId, key)) return EarlierTrigger.Found(candidate.QueueItemId, candidate.BuildNumber);
        }
        return EarlierTrigger.None;
    }

    /// <summary>
    /// True when <paramref name="queueItem"/>, the answer to a trigger of <paramref name="task"/>, is
    /// an item some run record already names: Jenkins folded the trigger into an identical request
    /// still queued. The in-memory claims know only what this process claimed; after a restart the
    /// statuses tell.
    /// </summary>
    public async Task<bool> IsRecordedAsync(CiTask task, string job, long queueItem, CancellationToken ct) =>
        (await TakenAsync(task, job, ct)).Contains(queueItem);

    /// <summary>What the run's trigger can have become started no earlier than this (Jenkins' clock): the searches read back to it, however many builds started since.</summary>
    private DateTimeOffset NotBefore(CiTaskRun run) => (run.TriggerTime ?? time.GetUtcNow()) - ClockSkewAllowance;

    /// <summary>
    /// Queue items of <paramref name="job"/> that some run record already names: any run of another
    /// CiTask (in any namespace: several endpoints may point at one Jenkins) and this task's earlier
    /// runs. The in-memory claims cover what is claimed but not written yet. Only the CiTasks whose
    /// runs name the job are read (index <see cref="ByQueuedJob"/>): a read of the cache copies each
    /// object it returns, and copying every CiTask per trigger cost ~10,000 copies at 10,000 CiTasks.
    /// </summary>
    private async Task<HashSet<long>> TakenAsync(CiTask task, string job, CancellationToken ct)
    {
        var taken = new HashSet<long>();
        var key = ObjectKey.Of(task);
        var named = await cache.ListAsync<CiTask>(new ListOptions { FieldSelector = $"{ByQueuedJob}={JobKey(job)}" }, ct);
        var others = named.Items.Where(t => ObjectKey.Of(t) != key);
        var runs = others.SelectMany(t => RunsOf(t).Select(run => (Run: run, Job: run.Job ?? t.Spec.Job)))
            .Concat((task.Status?.History ?? []).Select(run => (Run: run, Job: run.Job ?? task.Spec.Job)));
        foreach (var (run, runJob) in runs)
        {
            if (run.QueueItemId is { } id && string.Equals(runJob, job, StringComparison.OrdinalIgnoreCase)) taken.Add(id);
        }
        return taken;
    }

    /// <summary>The CiTask cache index from a job (see <see cref="JobKey"/>) to the CiTasks whose run records name a queue item of it.</summary>
    public const string ByQueuedJob = "status.runs.queuedJob";

    /// <summary>The values of index <see cref="ByQueuedJob"/> for <paramref name="task"/>.</summary>
    public static IEnumerable<string> QueuedJobs(CiTask task) =>
        RunsOf(task).Where(run => run.QueueItemId is not null).Select(run => JobKey(run.Job ?? task.Spec.Job)).Distinct(StringComparer.Ordinal);

    /// <summary>Job names compare without case; escaped, as a field selector value cannot hold a comma.</summary>
    private static string JobKey(string job) => Uri.EscapeDataString(job.ToLowerInvariant());

    private static IEnumerable<CiTaskRun> RunsOf(CiTask task) =>
        (task.Status?.CurrentRun is { } current ? [current] : Array.Empty<CiTaskRun>()).Concat(task.Status?.History ?? []);
}
