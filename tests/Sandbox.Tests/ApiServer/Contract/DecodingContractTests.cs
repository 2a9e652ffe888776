using CiBridge.Sandbox.Tests.ApiServer.Support;

namespace CiBridge.Sandbox.Tests.ApiServer.Contract;

/// <summary>Request bodies Go's decoders accept although .NET's would not: duplicate keys, lone surrogates, YAML anchors.</summary>
public sealed class DecodingContractTests
{
    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task DuplicateKeys_LastWinsWithAWarning_OrStrictRejects(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        const string body = """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"dup"},"data":{"k":"first","k":"second"}}""";
        var strict = await client.SendAsync(HttpMethod.Post, Objects.ConfigMaps(ns) + "?fieldValidation=Strict", body, "application/json");
        Assert.Equal(400, strict.Code);
        Assert.Contains("duplicate field \"data.k\"", strict.Message, StringComparison.Ordinal);
        var lenient = await client.SendAsync(HttpMethod.Post, Objects.ConfigMaps(ns), body, "application/json");
        Assert.Equal(201, lenient.Code);
        Assert.Equal("second", lenient.Object["data"]!["k"]!.ToString());
        Assert.Contains(lenient.Warnings, w => w.Contains("duplicate field \\\"data.k\\\"", StringComparison.Ordinal)); // quotes escaped in the header
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task LoneSurrogateEscape_BecomesTheReplacementCharacter(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        const string body = """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"lone"},"data":{"k":"a\ud800b","pair":"\ud83d\ude00"}}""";
        var created = await client.SendAsync(HttpMethod.Post, Objects.ConfigMaps(ns), body, "application/json");
        Assert.Equal(201, created.Code);
        Assert.Equal("a\uFFFDb", created.Object["data"]!["k"]!.ToString());
        Assert.Equal("\U0001F600", created.Object["data"]!["pair"]!.ToString());
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task YamlBodyWithAnchors_IsAccepted(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        const string yaml = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: anchored
              labels: &labels
                team: a
              annotations: *labels
            data:
              shared: &v value
              again: *v
            """;
        var created = await client.SendAsync(HttpMethod.Post, Objects.ConfigMaps(ns), yaml, "application/yaml");
        Assert.Equal(201, created.Code);
        Assert.Equal("a", created.Object["metadata"]!["annotations"]!["team"]!.ToString());
        Assert.Equal("value", created.Object["data"]!["again"]!.ToString());
    }
}
