using System.Text.Json.Nodes;
using CiBridge.Sandbox.Tests.ApiServer.Support;

namespace CiBridge.Sandbox.Tests.ApiServer.Contract;

/// <summary>core/v1 and events.k8s.io/v1 Events are two views of the same objects.</summary>
public sealed class EventContractTests
{
    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task EventsV1Event_IsReadableAsCoreEvent_AndBack(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var created = await client.PostAsync($"/apis/events.k8s.io/v1/namespaces/{ns}/events", new JsonObject
        {
            ["apiVersion"] = "events.k8s.io/v1",
            ["kind"] = "Event",
            ["metadata"] = new JsonObject { ["name"] = "started.1" },
            ["eventTime"] = "2026-01-01T00:00:00.000000Z",
            ["reportingController"] = "cibridge.dev/ci-bridge",
            ["reportingInstance"] = "ci-bridge-0",
            ["action"] = "Trigger",
            ["reason"] = "BuildStarted",
            ["type"] = "Normal",
            ["note"] = "Jenkins build 7 started",
            ["regarding"] = new JsonObject { ["apiVersion"] = "cibridge.dev/v1alpha1", ["kind"] = "CiTask", ["name"] = "task", ["namespace"] = ns },
        });
        Assert.Equal(201, created.Code);
        Assert.Equal("Jenkins build 7 started", created.Object["note"]?.ToString());

        var core = await client.GetAsync($"/api/v1/namespaces/{ns}/events/started.1");
        Assert.Equal(200, core.Code);
        Assert.Equal("v1", core.Object["apiVersion"]?.ToString());
        Assert.Equal("Jenkins build 7 started", core.Object["message"]?.ToString());
        Assert.Equal("task", core.Object["involvedObject"]?["name"]?.ToString());
        Assert.Equal("cibridge.dev/ci-bridge", core.Object["reportingComponent"]?.ToString());

        var selected = await client.GetAsync($"/apis/events.k8s.io/v1/namespaces/{ns}/events?fieldSelector=regarding.name%3Dtask");
        var item = Assert.Single(selected.Body!["items"]!.AsArray())!;
        Assert.Equal("events.k8s.io/v1", item["apiVersion"]?.ToString());
        Assert.Equal("task", item["regarding"]?["name"]?.ToString());

        var table = await client.GetAsync($"/apis/events.k8s.io/v1/namespaces/{ns}/events", "application/json;as=Table;v=v1;g=meta.k8s.io");
        var columns = table.Body!["columnDefinitions"]!.AsArray().Select(c => c!["name"]!.ToString()).ToList();
        Assert.Equal(["Last Seen", "Type", "Reason", "Object", "Message"], columns.Take(5));
        var cells = table.Body["rows"]![0]!["cells"]!.AsArray().Select(c => c?.ToString()).ToList();
        Assert.Equal(["Normal", "BuildStarted", "citask/task", "Jenkins build 7 started"], cells.Skip(1).Take(4));
    }
}
