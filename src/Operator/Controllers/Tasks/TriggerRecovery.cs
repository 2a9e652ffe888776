using System.Collections.Concurrent;
using System.Globalization;
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
        var key = ObjectKey.Of(fresh);
        var endpoint = RunStarter.EndpointOf(fresh);
        foreach (var candidate in candidates)
        {
            if (await IsRecordedAsync(fresh, job.FullName, candidate.QueueItemId, ct)) continue;
            if (claims.TryClaim(endpoint, job.FullName, candidate.QueueItemId, key)) return EarlierTrigger.Found(candidate.QueueItemId, candidate.BuildNumber);
        }
        return EarlierTrigger.None;
    }

    /// <summary>
    /// True when <paramref name="queueItem"/> of <paramref name="job"/> is an item some run record
    /// already names: any run of another CiTask (in any namespace: several endpoints may point at one
    /// Jenkins) or an earlier run of <paramref name="task"/>. After a trigger this means Jenkins folded
    /// it into an identical request still queued. The in-memory claims know only what this process
    /// claimed; after a restart the statuses tell. Only the CiTasks whose runs name this very item are
    /// read (index <see cref="ByQueueItem"/>): a read of the cache copies each object it returns, and
    /// reading every CiTask of the job cost a burst of one job's CiTasks time quadratic in its size.
    /// </summary>
    public async Task<bool> IsRecordedAsync(CiTask task, string job, long queueItem, CancellationToken ct)
    {
        var item = QueueItemKey(job, queueItem);
        var named = await cache.ListAsync<CiTask>(new ListOptions { FieldSelector = $"{ByQueueItem}={item}" }, ct);
        var key = ObjectKey.Of(task);
        // The cache's index answers exactly; the check again costs nothing on its one or two items and
        // keeps the answer right from a reader that ignores the field selector.
        return named.Items.Any(t => ObjectKey.Of(t) != key && QueueItems(t).Contains(item))
            || (task.Status?.History ?? []).Any(run => run.QueueItemId == queueItem && QueueItemKey(run.Job ?? task.Spec.Job, queueItem) == item);
    }

    /// <summary>What the run's trigger can have become started no earlier than this (Jenkins' clock): the searches read back to it, however many builds started since.</summary>
    private DateTimeOffset NotBefore(CiTaskRun run) => (run.TriggerTime ?? time.GetUtcNow()) - ClockSkewAllowance;

    /// <summary>The CiTask cache index from a queue item (see <see cref="QueueItemKey"/>) to the CiTasks whose run records name it.</summary>
    public const string ByQueueItem = "status.runs.queueItem";

    /// <summary>The values of index <see cref="ByQueueItem"/> for <paramref name="task"/>: the queue items its runs, current and past, name.</summary>
    public static IEnumerable<string> QueueItems(CiTask task) =>
        RunsOf(task).Where(run => run.QueueItemId is not null).Select(run => QueueItemKey(run.Job ?? task.Spec.Job, run.QueueItemId!.Value)).Distinct(StringComparer.Ordinal);

    /// <summary>
    /// A queue item as the index names it: the job (its name compares without case; escaped, as a
    /// field selector value cannot hold a comma) and the item number, which Jenkins makes unique per server.
    /// </summary>
    private static string QueueItemKey(string job, long queueItem) =>
        $"{Uri.EscapeDataString(job.ToLowerInvariant())}:{queueItem.ToString(CultureInfo.InvariantCulture)}";

    private static IEnumerable<CiTaskRun> RunsOf(CiTask task) =>
        (task.Status?.CurrentRun is { } current ? [current] : Array.Empty<CiTaskRun>()).Concat(task.Status?.History ?? []);
}
