using System.Text.Json.Nodes;
using CiBridge.Sandbox.Tests.ApiServer.Support;

namespace CiBridge.Sandbox.Tests.ApiServer.Contract;

/// <summary>Lists: label selectors (every operator), field selectors and limit/continue pagination.</summary>
public sealed class ListContractTests
{
    [Theory]
    [MemberData(nameof(SelectorCases))]
    public async Task LabelSelector_SelectsByEveryOperator(string target, string selector, string[] expected)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        await client.PostAsync(Objects.ConfigMaps(ns), Objects.ConfigMap("a", new() { ["tier"] = "web", ["env"] = "prod" }));
        await client.PostAsync(Objects.ConfigMaps(ns), Objects.ConfigMap("b", new() { ["tier"] = "db", ["env"] = "prod" }));
        await client.PostAsync(Objects.ConfigMaps(ns), Objects.ConfigMap("c", new() { ["tier"] = "cache" }));
        var list = await client.GetAsync($"{Objects.ConfigMaps(ns)}?labelSelector={Uri.EscapeDataString(selector)}");
        Assert.Equal(200, list.Code);
        Assert.Equal(expected, Names(list));
    }

    public static TheoryData<string, string, string[]> SelectorCases()
    {
        var data = new TheoryData<string, string, string[]>();
        foreach (var target in new[] { ClusterTarget.Sandbox, ClusterTarget.Real })
        {
            data.Add(target, "tier=web", ["a"]);
            data.Add(target, "tier==db", ["b"]);
            data.Add(target, "tier!=web", ["b", "c"]);
            data.Add(target, "tier in (web,cache)", ["a", "c"]);
            data.Add(target, "tier notin (web,cache)", ["b"]);
            data.Add(target, "env", ["a", "b"]);
            data.Add(target, "!env", ["c"]);
            data.Add(target, "env=prod,tier!=db", ["a"]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task FieldSelector_OnNameAndOnEventInvolvedObject(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        await client.PostAsync(Objects.ConfigMaps(ns), Objects.ConfigMap("a"));
        await client.PostAsync(Objects.ConfigMaps(ns), Objects.ConfigMap("b"));
        Assert.Equal(["b"], Names(await client.GetAsync($"{Objects.ConfigMaps(ns)}?fieldSelector=metadata.name%3Db")));
        Assert.Equal(["a"], Names(await client.GetAsync($"{Objects.ConfigMaps(ns)}?fieldSelector=metadata.name!%3Db")));
        foreach (var (name, involved) in new[] { ("e1", "task-1"), ("e2", "task-2") })
        {
            await client.PostAsync($"/api/v1/namespaces/{ns}/events", new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "Event",
                ["metadata"] = new JsonObject { ["name"] = name },
                ["involvedObject"] = new JsonObject { ["kind"] = "CiTask", ["name"] = involved, ["namespace"] = ns },
                ["reason"] = "Started",
                ["message"] = "m",
                ["type"] = "Normal",
            });
        }
        var events = await client.GetAsync($"/api/v1/namespaces/{ns}/events?fieldSelector=involvedObject.name%3Dtask-2,involvedObject.kind%3DCiTask");
        Assert.Equal(["e2"], Names(events));
        var unsupported = await client.GetAsync($"{Objects.ConfigMaps(ns)}?fieldSelector=data.key%3Dx");
        Assert.Equal(400, unsupported.Code);
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task ASecretsType_CanBeSelected_AnotherKindsCannot(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        foreach (var (name, type) in new[] { ("credentials", "kubernetes.io/basic-auth"), ("sh.helm.release.v1.app.v1", "helm.sh/release.v1"), ("plain", "Opaque") })
        {
            await client.PostAsync($"/api/v1/namespaces/{ns}/secrets", new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "Secret",
                ["metadata"] = new JsonObject { ["name"] = name },
                ["type"] = type,
                ["stringData"] = new JsonObject { ["username"] = "u", ["password"] = "p" },
            });
        }

        var notHelm = await client.GetAsync($"/api/v1/namespaces/{ns}/secrets?fieldSelector=type!%3Dhelm.sh%2Frelease.v1");
        var configMapType = await client.GetAsync($"{Objects.ConfigMaps(ns)}?fieldSelector=type%3DOpaque");

        Assert.Equal(["credentials", "plain"], Names(notHelm).Order(StringComparer.Ordinal));
        Assert.Equal(400, configMapType.Code);
        Assert.Contains("field label not supported: type", configMapType.Body!["message"]!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task LimitAndContinue_PageThroughEveryItemOnce(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        for (var i = 0; i < 7; i++) await client.PostAsync(Objects.ConfigMaps(ns), Objects.ConfigMap($"cm-{i}"));
        var seen = new List<string>();
        var token = "";
        var pages = 0;
        do
        {
            var page = await client.GetAsync($"{Objects.ConfigMaps(ns)}?limit=3&continue={Uri.EscapeDataString(token)}");
            Assert.Equal(200, page.Code);
            seen.AddRange(Names(page));
            token = page.Body!["metadata"]!["continue"]?.ToString() ?? "";
            pages++;
        }
        while (token.Length > 0);
        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"cm-{i}"), seen);
    }

    private static string[] Names(ApiResponse list) =>
        [.. list.Body!["items"]!.AsArray().Select(i => i!["metadata"]!["name"]!.ToString())];
}
