using System.Text.Json.Nodes;
using CiBridge.Sandbox.Tests.ApiServer.Support;

namespace CiBridge.Sandbox.Tests.ApiServer.Contract;

/// <summary>
/// What typed clients (the official .NET client among them) rely on: type meta taken from the URL
/// when the body leaves it out, metav1.Time in whole seconds, and Status bodies without null fields.
/// </summary>
public sealed class TypedClientContractTests
{
    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task BuiltinBodyWithoutApiVersionAndKind_TakesThemFromTheUrl(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var body = new JsonObject { ["metadata"] = new JsonObject { ["name"] = "untyped" }, ["data"] = new JsonObject { ["k"] = "v" } };

        var created = await client.PostAsync(Objects.ConfigMaps(ns), body);

        Assert.True(created.Code == 201, created.ToString());
        Assert.Equal("v1", created.Object["apiVersion"]?.ToString());
        Assert.Equal("ConfigMap", created.Object["kind"]?.ToString());
        var replaced = await client.PutAsync($"{Objects.ConfigMaps(ns)}/untyped", new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = "untyped", ["resourceVersion"] = created.ResourceVersion },
            ["data"] = new JsonObject { ["k"] = "w" },
        });
        Assert.True(replaced.Code == 200, replaced.ToString());
        Assert.Equal("w", replaced.Object["data"]?["k"]?.ToString());
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task BuiltinBodyWithAnotherApiVersion_IsBadRequest(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var body = Objects.ConfigMap("wrong-version");
        body["apiVersion"] = "v2";

        var response = await client.PostAsync(Objects.ConfigMaps(ns), body);

        Assert.Equal(400, response.Code);
        Assert.Equal("BadRequest", response.Reason);
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task CoreEventTimes_AreWholeSeconds_MicroTimeKeepsMicroseconds(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var created = await client.PostAsync($"/api/v1/namespaces/{ns}/events", new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Event",
            ["metadata"] = new JsonObject { ["name"] = "timed.1" },
            ["involvedObject"] = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "ConfigMap", ["name"] = "cm", ["namespace"] = ns },
            ["reason"] = "Timed",
            ["message"] = "times with fractions",
            ["type"] = "Normal",
            ["source"] = new JsonObject { ["component"] = "contract-test" },
            ["firstTimestamp"] = "2026-01-01T10:20:30.123456Z",
            ["lastTimestamp"] = "2026-01-01T10:20:31.987654Z",
            ["count"] = 2,
        });
        Assert.True(created.Code == 201, created.ToString());
        Assert.Equal("2026-01-01T10:20:30Z", created.Object["firstTimestamp"]?.ToString());

        var read = await client.GetAsync($"/api/v1/namespaces/{ns}/events/timed.1");
        Assert.Equal("2026-01-01T10:20:30Z", read.Object["firstTimestamp"]?.ToString());
        Assert.Equal("2026-01-01T10:20:31Z", read.Object["lastTimestamp"]?.ToString());
        var asEventsV1 = await client.GetAsync($"/apis/events.k8s.io/v1/namespaces/{ns}/events/timed.1");
        Assert.Equal("2026-01-01T10:20:31Z", asEventsV1.Object["deprecatedLastTimestamp"]?.ToString());
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task EventsV1EventTime_KeepsMicroseconds(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var created = await client.PostAsync($"/apis/events.k8s.io/v1/namespaces/{ns}/events", new JsonObject
        {
            ["apiVersion"] = "events.k8s.io/v1",
            ["kind"] = "Event",
            ["metadata"] = new JsonObject { ["name"] = "micro.1" },
            ["eventTime"] = "2026-01-01T10:20:30.123456Z",
            ["reportingController"] = "cibridge.dev/contract-test",
            ["reportingInstance"] = "contract-test-0",
            ["action"] = "Check",
            ["reason"] = "Timed",
            ["type"] = "Normal",
            ["regarding"] = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "ConfigMap", ["name"] = "cm", ["namespace"] = ns },
        });
        Assert.True(created.Code == 201, created.ToString());

        var core = await client.GetAsync($"/api/v1/namespaces/{ns}/events/micro.1");
        Assert.Equal("2026-01-01T10:20:30.123456Z", core.Object["eventTime"]?.ToString());
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task ErrorStatusWithoutDetails_OmitsTheField(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);

        var response = await client.SendAsync(HttpMethod.Post, Objects.ConfigMaps(ns), "{\"apiVersion\": \"v1\", ", "application/json");

        Assert.Equal(400, response.Code);
        Assert.Equal("Status", response.Object["kind"]?.ToString());
        Assert.False(response.Object.ContainsKey("details"), response.Text);
        var missing = await client.GetAsync($"{Objects.ConfigMaps(ns)}/absent");
        Assert.Equal(404, missing.Code);
        Assert.Equal("absent", missing.Object["details"]?["name"]?.ToString());
    }
}
