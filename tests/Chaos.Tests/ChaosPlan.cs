namespace CiBridge.Chaos.Tests;

/// <summary>What the suite does to a task while it runs.</summary>
internal enum MidRunAction
{
    None,

    /// <summary>Once its first build exists, the revision (and the REV parameter) changes: a second run is due.</summary>
    Revise,

    /// <summary>Once its first build exists, the CiTask is deleted: no further build may follow.</summary>
    Delete,
}

/// <summary>
/// One build Jenkins should receive, told apart from every other by job and parameter values
/// (TASK names the task, or the pair for identical twins; REV the revision). Builds of jobs
/// without <c>CIBRIDGE_RUN_ID</c> carry nothing else, so this is what the suite counts by.
/// </summary>
internal sealed record BuildKey(string Job, string Task, string Revision)
{
    public override string ToString() => $"{Job} TASK={Task} REV={Revision}";
}

/// <summary>One CiTask of the suite and the builds it is due.</summary>
internal sealed record TaskPlan(string Name, string Job, string Label, int Retries, MidRunAction Action)
{
    public const string FirstRevision = "r1";
    public const string SecondRevision = "r2";

    /// <summary>Runs due: one per generation, each attempt of a failing run counted (the failing job always fails).</summary>
    public IEnumerable<BuildKey> DueBuilds()
    {
        for (var attempt = 0; attempt <= Retries; attempt++) yield return new BuildKey(Job, Label, FirstRevision);
        if (Action == MidRunAction.Revise) yield return new BuildKey(Job, Label, SecondRevision);
    }

    /// <summary>The mix of one scale step: 100 runs over 84 CiTasks.</summary>
    public static List<TaskPlan> Mix(int scale, Random random)
    {
        var plans = new List<TaskPlan>();
        for (var s = 0; s < scale; s++)
        {
            foreach (var job in new[] { ChaosJobs.WithRunId, ChaosJobs.WithoutRunId })
            {
                var kind = job == ChaosJobs.WithRunId ? "id" : "noid";
                for (var i = 0; i < 24; i++) plans.Add(Single($"plain-{kind}-{s}-{i}", job, 0, MidRunAction.None));
                for (var i = 0; i < 3; i++)
                {
                    var label = $"twin-{kind}-{s}-{i}";
                    plans.Add(new TaskPlan(label + "-a", job, label, 0, MidRunAction.None));
                    plans.Add(new TaskPlan(label + "-b", job, label, 0, MidRunAction.None));
                }
                for (var i = 0; i < 4; i++) plans.Add(Single($"retry-{kind}-{s}-{i}", ChaosJobs.Failing, 1, MidRunAction.None));
                for (var i = 0; i < 4; i++) plans.Add(Single($"revise-{kind}-{s}-{i}", job, 0, MidRunAction.Revise));
                for (var i = 0; i < 4; i++) plans.Add(Single($"delete-{kind}-{s}-{i}", job, 0, MidRunAction.Delete));
            }
        }
        return [.. plans.OrderBy(_ => random.Next())];
    }

    private static TaskPlan Single(string name, string job, int retries, MidRunAction action) => new(name, job, name, retries, action);
}
