using System.Text.Json.Nodes;
using CiBridge.Sandbox.Tests.ApiServer.Support;

namespace CiBridge.Sandbox.Tests.ApiServer.Contract;

/// <summary>kube's Event validation: the legacy rules every core/v1 write gets, the strict ones of events.k8s.io/v1 creates.</summary>
public sealed class EventValidationContractTests
{
    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task CoreEventAboutAnObjectInAnotherNamespace_IsInvalid(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var created = await client.PostAsync($"/api/v1/namespaces/{ns}/events", CoreEvent("moved", "elsewhere"));
        Assert.Equal(422, created.Code);
        Assert.Equal("Event \"moved\" is invalid: involvedObject.namespace: Invalid value: \"elsewhere\": does not match event.namespace", created.Message);
        Assert.Equal(201, (await client.PostAsync($"/api/v1/namespaces/{ns}/events", CoreEvent("here", ns))).Code);
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task CoreEventAboutAClusterScopedObject_LivesInDefault(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var inTeam = await client.PostAsync($"/api/v1/namespaces/{ns}/events", CoreEvent("cluster-thing", ""));
        Assert.Equal(422, inTeam.Code);
        Assert.Equal("Event \"cluster-thing\" is invalid: involvedObject.namespace: Invalid value: \"\": does not match event.namespace", inTeam.Message);
        var name = "cluster-thing." + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(201, (await client.PostAsync("/api/v1/namespaces/default/events", CoreEvent(name, ""))).Code);
        Assert.Equal(200, (await client.DeleteAsync($"/api/v1/namespaces/default/events/{name}")).Code);
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task CoreEventWithEventTime_NeedsReportingFields(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var incomplete = CoreEvent("timed", ns);
        incomplete["eventTime"] = "2026-01-01T00:00:00.000000Z";
        incomplete["reportingComponent"] = "cibridge.dev/ci-bridge";
        var created = await client.PostAsync($"/api/v1/namespaces/{ns}/events", incomplete);
        Assert.Equal(422, created.Code);
        Assert.Equal("Event \"timed\" is invalid: [reportingInstance: Required value, action: Required value]", created.Message);
        incomplete["reportingInstance"] = "ci-bridge-0";
        incomplete["action"] = "Trigger";
        Assert.Equal(201, (await client.PostAsync($"/api/v1/namespaces/{ns}/events", incomplete)).Code);
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task EventsV1Create_NeedsEventTimeAndAKnownType(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var created = await client.PostAsync($"/apis/events.k8s.io/v1/namespaces/{ns}/events", new JsonObject
        {
            ["apiVersion"] = "events.k8s.io/v1",
            ["kind"] = "Event",
            ["metadata"] = new JsonObject { ["name"] = "untimed" },
            ["reason"] = "BuildStarted",
            ["type"] = "Info",
            ["regarding"] = new JsonObject { ["kind"] = "CiTask", ["name"] = "task", ["namespace"] = ns },
        });
        Assert.Equal(422, created.Code);
        Assert.Equal("Event.events.k8s.io \"untimed\" is invalid: [eventTime: Required value, type: Invalid value: \"\": has invalid value: Info]",
            created.Message);
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task EventsV1Create_MayNotSetTheDeprecatedFields(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var created = await client.PostAsync($"/apis/events.k8s.io/v1/namespaces/{ns}/events", new JsonObject
        {
            ["apiVersion"] = "events.k8s.io/v1",
            ["kind"] = "Event",
            ["metadata"] = new JsonObject { ["name"] = "counted" },
            ["eventTime"] = "2026-01-01T00:00:00.000000Z",
            ["reportingController"] = "cibridge.dev/ci-bridge",
            ["reportingInstance"] = "ci-bridge-0",
            ["action"] = "Trigger",
            ["reason"] = "BuildStarted",
            ["type"] = "Normal",
            ["deprecatedCount"] = 3,
            ["regarding"] = new JsonObject { ["kind"] = "CiTask", ["name"] = "task", ["namespace"] = ns },
        });
        Assert.Equal(422, created.Code);
        Assert.Equal("Event.events.k8s.io \"counted\" is invalid: count: Invalid value: \"\": needs to be unset", created.Message);
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task CountThatIsNoNumber_CannotBeDecoded_400(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var counted = CoreEvent("counted", ns);
        counted["count"] = "3";
        var created = await client.PostAsync($"/api/v1/namespaces/{ns}/events", counted);
        Assert.Equal(400, created.Code);
        Assert.Equal("Event in version \"v1\" cannot be handled as a Event: json: cannot unmarshal string into Go struct field Event.count of type int32",
            created.Message);
    }

    private static JsonObject CoreEvent(string name, string involvedNamespace) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Event",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["involvedObject"] = new JsonObject { ["kind"] = "ConfigMap", ["name"] = "settings", ["namespace"] = involvedNamespace },
        ["reason"] = "Changed",
        ["message"] = "settings changed",
        ["type"] = "Normal",
    };
}
