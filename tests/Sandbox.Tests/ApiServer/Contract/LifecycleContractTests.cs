using System.Text.Json.Nodes;
using CiBridge.Sandbox.Tests.ApiServer.Support;
using CiBridge.TestKit;

namespace CiBridge.Sandbox.Tests.ApiServer.Contract;

/// <summary>Namespaces and CRDs over their lifetime: termination, conditions, discovery.</summary>
public sealed class LifecycleContractTests
{
    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task DeletingANamespace_RemovesItsContentThenItself(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        await client.PostAsync(Objects.ConfigMaps(ns), Objects.ConfigMap("content"));
        await client.PostAsync(Objects.CiTasks(ns), Objects.CiTask("task"));
        var deleted = await client.DeleteAsync($"/api/v1/namespaces/{ns}");
        Assert.Equal(200, deleted.Code);
        var refused = await client.PostAsync(Objects.ConfigMaps(ns), Objects.ConfigMap("late"));
        Assert.True(refused.Code is 403 or 404, refused.ToString());
        await Eventually.HoldsAsync(() => client.GetAsync($"/api/v1/namespaces/{ns}"), r => r.Code == 404, "the namespace is gone",
            TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        Assert.Equal(404, (await client.GetAsync($"{Objects.CiTasks(ns)}/task")).Code);
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task Crd_IsEstablished_AndItsResourcesAreDiscoverable(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var crd = await client.GetAsync("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/citasks.cibridge.dev");
        var conditions = crd.Object["status"]!["conditions"]!.AsArray();
        Assert.Contains(conditions, c => c!["type"]!.ToString() == "Established" && c["status"]!.ToString() == "True");
        Assert.Contains(conditions, c => c!["type"]!.ToString() == "NamesAccepted" && c["status"]!.ToString() == "True");
        var resources = await client.GetAsync(Crds.Group);
        var citasks = resources.Body!["resources"]!.AsArray().Single(r => r!["name"]!.ToString() == "citasks")!;
        Assert.Equal("CiTask", citasks["kind"]!.ToString());
        Assert.Equal(["ct"], citasks["shortNames"]!.AsArray().Select(s => s!.ToString()));
        Assert.Equal(["cibridge"], citasks["categories"]!.AsArray().Select(s => s!.ToString()));
        var aggregated = await client.GetAsync("/apis", "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList");
        var group = aggregated.Body!["items"]!.AsArray().Single(g => g!["metadata"]!["name"]?.ToString() == "cibridge.dev")!;
        var served = group["versions"]![0]!["resources"]!.AsArray().Select(r => r!["resource"]!.ToString()).Order();
        Assert.Equal(["citasks", "jenkinsendpoints"], served);
    }

    [Fact]
    public async Task DeletingACrd_StopsServingItAndRemovesItsObjects()
    {
        var (_, client, ns) = await KubectlScope.CreateAsync();
        var crd = WidgetCrd(ns);
        Assert.Equal(201, (await client.PostAsync("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", crd)).Code);
        var widgets = $"/apis/{ns}.example.com/v1/namespaces/{ns}/widgets";
        var widget = new JsonObject { ["apiVersion"] = $"{ns}.example.com/v1", ["kind"] = "Widget", ["metadata"] = new JsonObject { ["name"] = "w" } };
        Assert.Equal(201, (await client.PostAsync(widgets, widget)).Code);
        Assert.Equal(200, (await client.DeleteAsync($"/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.{ns}.example.com")).Code);
        await Eventually.HoldsAsync(() => client.GetAsync(widgets), r => r.Code == 404, "the widgets resource is no longer served", ct: TestContext.Current.CancellationToken);
        Assert.Equal(201, (await client.PostAsync("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", crd)).Code);
        var relisted = await client.GetAsync(widgets);
        Assert.Empty(relisted.Body!["items"]!.AsArray());
    }

    [Fact]
    public async Task RequestCounters_CountVerbsPerResource()
    {
        var (_, client, ns) = await KubectlScope.CreateAsync();
        await client.PostAsync(Objects.CiTasks(ns), Objects.CiTask("counted"));
        await client.GetAsync($"{Objects.CiTasks(ns)}/counted");
        var counts = await client.GetAsync("/sandbox/requests");
        var items = counts.Body!["items"]!.AsArray();
        Assert.Contains(items, i => i!["verb"]!.ToString() == "create" && i["resource"]!.ToString() == "citasks.cibridge.dev" && i["count"]!.GetValue<long>() >= 1);
        Assert.Contains(items, i => i!["verb"]!.ToString() == "get" && i["resource"]!.ToString() == "citasks.cibridge.dev");
    }

    private static JsonObject WidgetCrd(string ns) => new()
    {
        ["apiVersion"] = "apiextensions.k8s.io/v1",
        ["kind"] = "CustomResourceDefinition",
        ["metadata"] = new JsonObject { ["name"] = $"widgets.{ns}.example.com" },
        ["spec"] = new JsonObject
        {
            ["group"] = $"{ns}.example.com",
            ["scope"] = "Namespaced",
            ["names"] = new JsonObject { ["kind"] = "Widget", ["plural"] = "widgets", ["singular"] = "widget", ["listKind"] = "WidgetList" },
            ["versions"] = new JsonArray(new JsonObject
            {
                ["name"] = "v1",
                ["served"] = true,
                ["storage"] = true,
                ["schema"] = new JsonObject { ["openAPIV3Schema"] = new JsonObject { ["type"] = "object", ["x-kubernetes-preserve-unknown-fields"] = true } },
            }),
        },
    };
}
