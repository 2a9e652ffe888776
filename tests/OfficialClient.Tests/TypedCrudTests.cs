using System.Text;
using CiBridge.Sandbox.Tests.ApiServer.Support;
using CiBridge.TestKit;
using k8s;
using k8s.Models;

namespace CiBridge.OfficialClient.Tests;

/// <summary>Typed create/read/update/delete of the built-in kinds the operator uses, with models that leave apiVersion and kind empty.</summary>
public sealed class TypedCrudTests
{
    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task Namespace_CreateReadLabelDelete(string target)
    {
        using var client = await OfficialClients.ConnectAsync(target);
        var name = await OfficialClients.CreateNamespaceAsync(client);

        var read = await client.CoreV1.ReadNamespaceAsync(name, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(name, read.Metadata.Labels["kubernetes.io/metadata.name"]);
        read.Metadata.Labels["team"] = "a";
        var replaced = await client.CoreV1.ReplaceNamespaceAsync(read, name, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("a", replaced.Metadata.Labels["team"]);

        await client.CoreV1.DeleteNamespaceAsync(name, cancellationToken: TestContext.Current.CancellationToken);
        await Eventually.HoldsAsync(() => client.CoreV1.ListNamespaceAsync(fieldSelector: $"metadata.name={name}"), list => list.Items.Count == 0, "the deleted namespace gone", ct: TestContext.Current.CancellationToken);
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task Secret_StringDataBecomesData_AndDeleteRemovesIt(string target)
    {
        using var client = await OfficialClients.ConnectAsync(target);
        var ns = await OfficialClients.CreateNamespaceAsync(client);

        var created = await client.CoreV1.CreateNamespacedSecretAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = "jenkins-credentials" },
            StringData = new Dictionary<string, string> { ["token"] = "t0ken" },
        }, ns, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("Opaque", created.Type);
        Assert.Equal("t0ken", Encoding.UTF8.GetString(created.Data["token"]));
        var listed = await client.CoreV1.ListNamespacedSecretAsync(ns, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Contains(listed.Items, s => s.Metadata.Name == "jenkins-credentials");
        await client.CoreV1.DeleteNamespacedSecretAsync("jenkins-credentials", ns, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(404, await OfficialClients.StatusCodeOfAsync(() => client.CoreV1.ReadNamespacedSecretAsync("jenkins-credentials", ns)));
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task ConfigMap_ReplaceWithStaleVersionConflicts_PatchesApply(string target)
    {
        using var client = await OfficialClients.ConnectAsync(target);
        var ns = await OfficialClients.CreateNamespaceAsync(client);
        var created = await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap
        {
            Metadata = new V1ObjectMeta { Name = "settings" },
            Data = new Dictionary<string, string> { ["a"] = "1" },
        }, ns, cancellationToken: TestContext.Current.CancellationToken);

        created.Data["a"] = "2";
        var replaced = await client.CoreV1.ReplaceNamespacedConfigMapAsync(created, "settings", ns, cancellationToken: TestContext.Current.CancellationToken);
        created.Data["a"] = "3";
        Assert.Equal(409, await OfficialClients.StatusCodeOfAsync(() => client.CoreV1.ReplaceNamespacedConfigMapAsync(created, "settings", ns)));

        var merged = await client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"data":{"b":"x"}}""", V1Patch.PatchType.MergePatch), "settings", ns, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(new Dictionary<string, string> { ["a"] = "2", ["b"] = "x" }, merged.Data);
        var patched = await client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""[{"op":"remove","path":"/data/a"}]""", V1Patch.PatchType.JsonPatch), "settings", ns, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(["b"], patched.Data.Keys);
        Assert.NotEqual(replaced.Metadata.ResourceVersion, patched.Metadata.ResourceVersion);
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task CoreEvent_RoundTripsWithWholeSecondTimes_AndReadsAsEventsV1(string target)
    {
        using var client = await OfficialClients.ConnectAsync(target);
        var ns = await OfficialClients.CreateNamespaceAsync(client);
        var first = new DateTime(2026, 1, 1, 10, 20, 30, 123, DateTimeKind.Utc);

        var created = await client.CoreV1.CreateNamespacedEventAsync(new Corev1Event
        {
            Metadata = new V1ObjectMeta { Name = "task.started" },
            InvolvedObject = new V1ObjectReference { ApiVersion = "cibridge.dev/v1alpha1", Kind = "CiTask", Name = "task", NamespaceProperty = ns },
            Reason = "BuildStarted",
            Message = "Jenkins build 7 started",
            Type = "Normal",
            Source = new V1EventSource { Component = "ci-bridge" },
            FirstTimestamp = first,
            LastTimestamp = first,
            Count = 1,
        }, ns, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(new DateTime(2026, 1, 1, 10, 20, 30, DateTimeKind.Utc), created.FirstTimestamp?.ToUniversalTime());
        var asV1 = await client.EventsV1.ReadNamespacedEventAsync("task.started", ns, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("Jenkins build 7 started", asV1.Note);
        Assert.Equal("task", asV1.Regarding.Name);
        await client.CoreV1.DeleteNamespacedEventAsync("task.started", ns, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Empty((await client.CoreV1.ListNamespacedEventAsync(ns, cancellationToken: TestContext.Current.CancellationToken)).Items);
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task EventsV1Event_CreateReplaceList(string target)
    {
        using var client = await OfficialClients.ConnectAsync(target);
        var ns = await OfficialClients.CreateNamespaceAsync(client);

        var created = await client.EventsV1.CreateNamespacedEventAsync(new Eventsv1Event
        {
            Metadata = new V1ObjectMeta { Name = "task.finished" },
            EventTime = new DateTime(2026, 1, 1, 10, 20, 30, 123, DateTimeKind.Utc).AddTicks(4560),
            ReportingController = "cibridge.dev/ci-bridge",
            ReportingInstance = "ci-bridge-0",
            Action = "Complete",
            Reason = "BuildSucceeded",
            Type = "Normal",
            Note = "Jenkins build 7 succeeded",
            Regarding = new V1ObjectReference { ApiVersion = "cibridge.dev/v1alpha1", Kind = "CiTask", Name = "task", NamespaceProperty = ns },
        }, ns, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(new DateTime(2026, 1, 1, 10, 20, 30, 123, DateTimeKind.Utc).AddTicks(4560), created.EventTime?.ToUniversalTime());
        created.Note = "Jenkins build 7 succeeded after 1 retry";
        await client.EventsV1.ReplaceNamespacedEventAsync(created, "task.finished", ns, cancellationToken: TestContext.Current.CancellationToken);
        var core = await client.CoreV1.ListNamespacedEventAsync(ns, fieldSelector: "involvedObject.name=task", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("Jenkins build 7 succeeded after 1 retry", Assert.Single(core.Items).Message);
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task Lease_CreateRenewDelete(string target)
    {
        using var client = await OfficialClients.ConnectAsync(target);
        var ns = await OfficialClients.CreateNamespaceAsync(client);
        var acquired = new DateTime(2026, 1, 1, 10, 0, 0, DateTimeKind.Utc);

        var created = await client.CoordinationV1.CreateNamespacedLeaseAsync(new V1Lease
        {
            Metadata = new V1ObjectMeta { Name = "ci-bridge-leader" },
            Spec = new V1LeaseSpec { HolderIdentity = "a", LeaseDurationSeconds = 15, AcquireTime = acquired, RenewTime = acquired, LeaseTransitions = 0 },
        }, ns, cancellationToken: TestContext.Current.CancellationToken);

        created.Spec.RenewTime = acquired.AddSeconds(10.5);
        var renewed = await client.CoordinationV1.ReplaceNamespacedLeaseAsync(created, "ci-bridge-leader", ns, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(acquired.AddSeconds(10.5), renewed.Spec.RenewTime?.ToUniversalTime());
        Assert.Equal("a", renewed.Spec.HolderIdentity);
        await client.CoordinationV1.DeleteNamespacedLeaseAsync("ci-bridge-leader", ns, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Empty((await client.CoordinationV1.ListNamespacedLeaseAsync(ns, cancellationToken: TestContext.Current.CancellationToken)).Items);
    }
}
