using System.Text.Json.Nodes;
using CiBridge.Sandbox.ApiServer.Storage;

namespace CiBridge.Sandbox.Tests.ApiServer.Units;

public sealed class WatchHistoryUnitTests
{
    [Fact]
    public void Watch_ReplaysOnlyLaterEventsOfTheResource_AndExpiresOldVersions()
    {
        var store = new ObjectStore(historySize: 3);
        for (var i = 0; i < 5; i++) store.Commit("/configmaps", "ns", $"cm-{i}", null, Obj($"cm-{i}"));
        store.Commit("/secrets", "ns", "s", null, Obj("s"));
        var current = store.ResourceVersion;

        var recent = store.Watch("/configmaps", current - 3);
        Assert.NotNull(recent);
        Assert.Equal(["cm-3", "cm-4"], recent.Value.Replay.Select(e => e.Summary.Name));
        recent.Value.Subscription.Dispose();
        Assert.Null(store.Watch("/configmaps", 1));
        Assert.Equal(0, store.WatcherCount);
    }

    [Fact]
    public void Commit_WithStaleVersion_IsConflict_AndDoesNotWrite()
    {
        var store = new ObjectStore(10);
        store.Commit("/configmaps", "ns", "a", null, Obj("a"));
        var rv = ObjectStore.ResourceVersionOf(store.Get("/configmaps", "ns", "a")!);
        Assert.Equal(CommitOutcome.Committed, store.Commit("/configmaps", "ns", "a", rv, Obj("a")));
        Assert.Equal(CommitOutcome.Conflict, store.Commit("/configmaps", "ns", "a", rv, Obj("a")));
        Assert.Equal(CommitOutcome.AlreadyExists, store.Commit("/configmaps", "ns", "a", null, Obj("a")));
        Assert.Equal(CommitOutcome.NotFound, store.Commit("/configmaps", "ns", "b", rv, Obj("b")));
    }

    private static JsonObject Obj(string name) => new() { ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "ns" } };
}
