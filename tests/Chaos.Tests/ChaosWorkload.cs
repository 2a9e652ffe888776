using System.Text.Json.Nodes;
using CiBridge.Entities.CiTasks;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Models;
using CiBridge.TestKit;

namespace CiBridge.Chaos.Tests;

/// <summary>
/// What the user side of the suite does: creates the planned CiTasks wave by wave, revises or
/// deletes some once their first build exists, and tells when everything has settled.
/// </summary>
internal sealed class ChaosWorkload(ChaosWorld world, IReadOnlyList<TaskPlan> plans, CancellationToken ct)
{
    private readonly Queue<TaskPlan> _toCreate = new(plans);
    private readonly List<TaskPlan> _waitingForAction = [.. plans.Where(p => p.Action != MidRunAction.None)];

    public bool AllCreated => _toCreate.Count == 0;

    public int LeftToCreate => _toCreate.Count;

    public async Task CreateNextAsync(int count)
    {
        for (var i = 0; i < count && _toCreate.TryDequeue(out var plan); i++)
        {
            var spec = new CiTaskSpec
            {
                EndpointRef = new EndpointReference { Name = ChaosWorld.EndpointName },
                Job = plan.Job,
                Revision = TaskPlan.FirstRevision,
                Retries = plan.Retries,
                Parameters = Parameters(plan.Label, TaskPlan.FirstRevision),
            };
            await WithRetriesAsync(() => world.Client.CreateAsync(new CiTask { Metadata = new() { Name = plan.Name, Namespace = ChaosWorld.Namespace }, Spec = spec }, ct), $"create {plan.Name}");
        }
    }

    /// <summary>Revises or deletes the tasks whose first build Jenkins has received.</summary>
    public async Task ActMidRunAsync()
    {
        var started = world.Jenkins.ReceivedBuilds().Select(BuildLedger.KeyOf).ToHashSet();
        foreach (var plan in _waitingForAction.Where(p => started.Contains(new BuildKey(p.Job, p.Label, TaskPlan.FirstRevision))).ToList())
        {
            var key = new ObjectKey(ChaosWorld.Namespace, plan.Name);
            if (plan.Action == MidRunAction.Delete)
            {
                await WithRetriesAsync(() => world.Client.DeleteAsync<CiTask>(key, ct), $"delete {plan.Name}");
            }
            else
            {
                var parameters = JsonSerializerArray(Parameters(plan.Label, TaskPlan.SecondRevision));
                var patch = Patch.Merge(new JsonObject { ["spec"] = new JsonObject { ["revision"] = TaskPlan.SecondRevision, ["parameters"] = parameters } });
                await WithRetriesAsync(() => world.Client.PatchAsync<CiTask>(key, patch, ct), $"revise {plan.Name}");
            }
            _waitingForAction.Remove(plan);
        }
    }

    /// <summary>Every task settled: the kept ones finished their last run, the deleted ones are gone (no finalizer stuck).</summary>
    public async Task<IReadOnlyList<string>> UnsettledAsync()
    {
        if (!AllCreated || _waitingForAction.Count > 0) return [$"{_toCreate.Count} to create, {_waitingForAction.Count} waiting for their first build"];
        var tasks = (await world.Client.ListAsync<CiTask>(new ListOptions { Namespace = ChaosWorld.Namespace }, ct)).Items.ToDictionary(t => t.Metadata.Name!);
        var unsettled = new List<string>();
        foreach (var plan in plans)
        {
            var present = tasks.TryGetValue(plan.Name, out var task);
            if (plan.Action == MidRunAction.Delete && present) unsettled.Add($"{plan.Name} not deleted yet");
            else if (plan.Action != MidRunAction.Delete && !Finished(plan, task)) unsettled.Add($"{plan.Name} phase {task?.Status?.Phase}");
        }
        return unsettled;
    }

    private static bool Finished(TaskPlan plan, CiTask? task) =>
        task?.Status?.CurrentRun is { Result: not null } run
        && Conditions.Find(task.Status.Conditions, "Succeeded")?.Status is "True" or "False"
        && task.Status.ObservedGeneration == task.Metadata.Generation
        && run.Attempt == plan.Retries + 1
        && run.Revision == (plan.Action == MidRunAction.Revise ? TaskPlan.SecondRevision : TaskPlan.FirstRevision);

    private static List<TaskParameter> Parameters(string label, string revision) =>
        [new TaskParameter { Name = "TASK", Value = label }, new TaskParameter { Name = "REV", Value = revision }];

    private static JsonArray JsonSerializerArray(List<TaskParameter> parameters) =>
        [.. parameters.Select(p => (JsonNode)new JsonObject { ["name"] = p.Name, ["value"] = p.Value })];

    /// <summary>The test's own writes meet the injected API faults too; a fault means nothing was done, so trying again is safe.</summary>
    private Task<bool> WithRetriesAsync(Func<Task> write, string what) =>
        Eventually.HoldsAsync(async () => { await write(); return true; }, done => done, what, TimeSpan.FromSeconds(30), ct);
}
