using CiBridge.Entities.CiTasks;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Models;
using CiBridge.Operator.Controllers.Tasks;
using CiBridge.Operator.Tests.Controllers.Support;
using Microsoft.Extensions.Time.Testing;

namespace CiBridge.Operator.Tests.Controllers;

/// <summary>
/// After a trigger, the queue items other runs own are found through the cache index of the job,
/// never by reading (and so copying) every CiTask in the cluster.
/// </summary>
public sealed class TriggerRecoveryIndexTests
{
    /// <summary>A cache that answers only from index <see cref="TriggerRecovery.ByQueuedJob"/>, as the informer cache does, and refuses a full list.</summary>
    private sealed class IndexOnlyReader(params CiTask[] tasks) : IKubernetesReader
    {
        public List<string?> Selectors { get; } = [];

        public ValueTask<T?> GetAsync<T>(ObjectKey key, CancellationToken ct) where T : class, IKubernetesObject => throw new NotSupportedException();

        public ValueTask<ObjectList<T>> ListAsync<T>(ListOptions? options, CancellationToken ct) where T : class, IKubernetesObject
        {
            Selectors.Add(options?.FieldSelector);
            var prefix = TriggerRecovery.ByQueuedJob + "=";
            if (options?.FieldSelector is not { } field || !field.StartsWith(prefix, StringComparison.Ordinal)) throw new InvalidOperationException("a full list of every CiTask");
            var matching = tasks.Where(t => TriggerRecovery.QueuedJobs(t).Contains(field[prefix.Length..])).Cast<T>().ToList();
            return ValueTask.FromResult(new ObjectList<T>(matching, "1"));
        }
    }

    [Fact]
    public async Task AQueueItemAnotherTaskRecorded_IsFoundThroughTheJobIndex_WhateverTheCaseOrCommasOfTheJobName()
    {
        const string job = "Platform/Build, nightly";
        var owner = Objects.Task("owner", job: "platform/build, NIGHTLY").WithRun(queueItem: 7);
        var otherJob = Objects.Task("other", job: "platform/deploy").WithRun(queueItem: 8);
        var reader = new IndexOnlyReader(owner, otherJob);
        var recovery = new TriggerRecovery(reader, new QueueClaims(), new FakeTimeProvider());
        var task = Objects.Task("mine", job: job);

        var seven = await recovery.IsRecordedAsync(task, job, 7, Harness.Ct);
        var eight = await recovery.IsRecordedAsync(task, job, 8, Harness.Ct);

        Assert.True(seven);
        Assert.False(eight);
        Assert.All(reader.Selectors, s => Assert.Equal($"{TriggerRecovery.ByQueuedJob}=platform%2Fbuild%2C%20nightly", s));
    }

    [Fact]
    public void TheIndex_NamesTheJobsOfRunsWithAQueueItem_CurrentAndPast()
    {
        var task = Objects.Task(job: "platform/build").WithRun(queueItem: 3);
        task.Status!.History = [new CiTaskRun { RunId = "r-1", Job = "Platform/Old", QueueItemId = 1 }, new CiTaskRun { RunId = "r-0", Job = "never/queued" }];
        var notQueued = Objects.Task(job: "platform/build").WithRun();

        Assert.Equal(["platform%2Fbuild", "platform%2Fold"], TriggerRecovery.QueuedJobs(task));
        Assert.Empty(TriggerRecovery.QueuedJobs(notQueued));
    }
}
