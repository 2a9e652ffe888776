using CiBridge.Entities.CiTasks;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Models;
using CiBridge.Operator.Controllers.Tasks;
using CiBridge.Operator.Tests.Controllers.Support;
using Microsoft.Extensions.Time.Testing;

namespace CiBridge.Operator.Tests.Controllers;

/// <summary>
/// After a trigger, whether another run owns the queue item is found through the cache index of the
/// item, never by reading (and so copying) every CiTask in the cluster or of the job.
/// </summary>
public sealed class TriggerRecoveryIndexTests
{
    /// <summary>A cache that answers only from index <see cref="TriggerRecovery.ByQueueItem"/>, as the informer cache does, and refuses a full list.</summary>
    private sealed class IndexOnlyReader(params CiTask[] tasks) : IKubernetesReader
    {
        public List<string?> Selectors { get; } = [];

        public ValueTask<T?> GetAsync<T>(ObjectKey key, CancellationToken ct) where T : class, IKubernetesObject => throw new NotSupportedException();

        public ValueTask<ObjectList<T>> ListAsync<T>(ListOptions? options, CancellationToken ct) where T : class, IKubernetesObject
        {
            Selectors.Add(options?.FieldSelector);
            var prefix = TriggerRecovery.ByQueueItem + "=";
            if (options?.FieldSelector is not { } field || !field.StartsWith(prefix, StringComparison.Ordinal)) throw new InvalidOperationException("a full list of every CiTask");
            var matching = tasks.Where(t => TriggerRecovery.QueueItems(t).Contains(field[prefix.Length..])).Cast<T>().ToList();
            return ValueTask.FromResult(new ObjectList<T>(matching, "1"));
        }
    }

    [Fact]
    public async Task AQueueItemAnotherTaskRecorded_IsFoundThroughTheItemIndex_WhateverTheCaseOrCommasOfTheJobName()
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
        Assert.Equal([$"{TriggerRecovery.ByQueueItem}=platform%2Fbuild%2C%20nightly:7", $"{TriggerRecovery.ByQueueItem}=platform%2Fbuild%2C%20nightly:8"], reader.Selectors);
    }

    [Fact]
    public async Task AnItemOfTheSameNumberInAnotherJob_IsNotRecorded_ButOneAnEarlierRunOfTheTaskNamed_Is()
    {
        var otherJob = Objects.Task("other", job: "platform/deploy").WithRun(queueItem: 7);
        var recovery = new TriggerRecovery(new IndexOnlyReader(otherJob), new QueueClaims(), new FakeTimeProvider());
        var task = Objects.Task("mine", job: "platform/build");
        task.Status = new CiTaskStatus { History = [new CiTaskRun { RunId = "r-0", QueueItemId = 9 }] };

        Assert.False(await recovery.IsRecordedAsync(task, "platform/build", 7, Harness.Ct));
        Assert.True(await recovery.IsRecordedAsync(task, "Platform/Build", 9, Harness.Ct));
    }

    [Fact]
    public void TheIndex_NamesTheQueueItemsOfRuns_CurrentAndPast_WithTheirJobs()
    {
        var task = Objects.Task(job: "platform/build").WithRun(queueItem: 3);
        task.Status!.History = [new CiTaskRun { RunId = "r-1", Job = "Platform/Old", QueueItemId = 1 }, new CiTaskRun { RunId = "r-0", Job = "never/queued" }];
        var notQueued = Objects.Task(job: "platform/build").WithRun();

        Assert.Equal(["platform%2Fbuild:3", "platform%2Fold:1"], TriggerRecovery.QueueItems(task));
        Assert.Empty(TriggerRecovery.QueueItems(notQueued));
    }
}
