using CiBridge.Kubernetes.Cache;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Queue;
using CiBridge.Kubernetes.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace CiBridge.Kubernetes.Tests.Controllers;

public sealed class PredicateTests
{
    private const string Request = "example.com/requested-at";

    public static TheoryData<string, Action<Widget>, bool> Updates => new()
    {
        { "status only", w => w.Status = new WidgetStatus { Phase = "Done" }, false },
        { "label only", w => w.Metadata.Labels = new() { ["touched"] = "yes" }, false },
        { "other annotation", w => w.Metadata.Annotations = new() { ["note"] = "x" }, false },
        { "resync (no change)", _ => { }, false },
        { "generation", w => w.Metadata.Generation = 2, true },
        { "deletion", w => w.Metadata.DeletionTimestamp = DateTimeOffset.UnixEpoch, true },
        { "finalizer added (the controller's own write echoing)", w => w.Metadata.Finalizers = ["example.com/f", "example.com/g"], false },
        { "finalizer removed", w => w.Metadata.Finalizers = [], true },
        { "request annotation set", w => w.Metadata.Annotations = new() { [Request] = "now" }, true },
    };

    [Theory]
    [MemberData(nameof(Updates))]
    public void SpecOrRequest_PassesOnlyUpdatesThatAskForWork(string name, Action<Widget> change, bool queued)
    {
        var old = Widget.Named("ns", "a");
        old.Metadata.Generation = 1;
        old.Metadata.Finalizers = ["example.com/g"];
        var updated = Widget.Named("ns", "a");
        updated.Metadata.Generation = 1;
        updated.Metadata.Finalizers = ["example.com/g"];
        change(updated);

        Assert.True(Predicates.SpecOrRequest(Request)(old, updated) == queued, name);
    }

    [Fact]
    public void FilteredHandler_QueuesAddsAndDeletes_AndOnlyUpdatesThatPass()
    {
        var queue = WorkQueue.Create(new FakeTimeProvider(), new ExponentialFailureRateLimiter<ObjectKey>(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));
        var handler = EventHandlers.EnqueueObject<Widget>(queue, Predicates.GenerationChanged);
        var widget = Widget.Named("ns", "a");
        var relabelled = Widget.Named("ns", "a");
        relabelled.Metadata.Labels = new() { ["x"] = "y" };

        handler.OnUpdate(widget, relabelled);
        Assert.Equal(0, queue.Count);
        handler.OnAdd(widget);
        Assert.Equal(1, queue.Count);
    }
}
