using System.Text.Json.Nodes;
using CiBridge.Sandbox.Tests.ApiServer.Support;

namespace CiBridge.Sandbox.Tests.ApiServer.Contract;

/// <summary>Numbers of custom resources as Go writes them back, and the size limit of annotations.</summary>
public sealed class NumbersAndLimitsContractTests
{
    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task IntegralFloats_AreServedAsIntegers(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        await ProbeCrd.InstallAsync(client);
        var ns = await Namespaces.CreateAsync(client);
        var body = """{"apiVersion":"fidelity.cibridge.dev/v1","kind":"Probe","metadata":{"name":"n"},"spec":{"count":3.0,"ratio":1e3,"free":{"tiny":1.5e-07,"big":12345678901234567890}}}""";
        var created = await client.SendAsync(HttpMethod.Post, ProbeCrd.Probes(ns), body, "application/json");
        Assert.Equal(201, created.Code);
        var stored = await client.GetAsync($"{ProbeCrd.Probes(ns)}/n");
        Assert.Equal("""{"count":3,"free":{"big":12345678901234567000,"tiny":1.5e-7},"ratio":1000}""", Sorted(stored.Object["spec"]!));
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task AFractionForAnIntegerField_Is422(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        await ProbeCrd.InstallAsync(client);
        var ns = await Namespaces.CreateAsync(client);
        var body = """{"apiVersion":"fidelity.cibridge.dev/v1","kind":"Probe","metadata":{"name":"f"},"spec":{"count":3.5}}""";
        var response = await client.SendAsync(HttpMethod.Post, ProbeCrd.Probes(ns), body, "application/json");
        Assert.Equal(422, response.Code);
        var cause = response.Body!["details"]!["causes"]![0]!;
        Assert.Equal("spec.count", cause["field"]!.ToString());
        Assert.Equal("FieldValueTypeInvalid", cause["reason"]!.ToString());
        Assert.EndsWith("spec.count in body must be of type integer: \"number\"", cause["message"]!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task AnnotationsOver256KiB_Are422(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var big = Objects.ConfigMap("annotated");
        big["metadata"]!["annotations"] = new JsonObject { ["a"] = new string('x', 150 * 1024), ["b"] = new string('y', 150 * 1024) };
        var response = await client.PostAsync(Objects.ConfigMaps(ns), big);
        Assert.Equal(422, response.Code);
        Assert.Equal("ConfigMap \"annotated\" is invalid: metadata.annotations: Too long: may not be more than 262144 bytes", response.Message);
        var fits = Objects.ConfigMap("fits");
        fits["metadata"]!["annotations"] = new JsonObject { ["a"] = new string('x', 200 * 1024) };
        Assert.Equal(201, (await client.PostAsync(Objects.ConfigMaps(ns), fits)).Code);
    }

    private static string Sorted(JsonNode node) => node switch
    {
        JsonObject map => "{" + string.Join(',', map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"\"{p.Key}\":{Sorted(p.Value!)}")) + "}",
        _ => node.ToJsonString(),
    };
}
