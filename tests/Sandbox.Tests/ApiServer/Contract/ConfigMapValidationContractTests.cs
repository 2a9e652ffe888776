using System.Text.Json.Nodes;
using CiBridge.Sandbox.Tests.ApiServer.Support;

namespace CiBridge.Sandbox.Tests.ApiServer.Contract;

/// <summary>kube's decoding and <c>ValidateConfigMap</c>: string values, base64 binary data, config keys, no key twice, 1 MiB in all.</summary>
public sealed class ConfigMapValidationContractTests
{
    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task ValueThatIsNoString_CannotBeDecoded_400(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var created = await client.PostAsync(Objects.ConfigMaps(ns), Objects.ConfigMap("flags", data: new JsonObject { ["enabled"] = true }));
        Assert.Equal(400, created.Code);
        Assert.Equal("ConfigMap in version \"v1\" cannot be handled as a ConfigMap: json: cannot unmarshal bool into Go struct field ConfigMap.data of type string",
            created.Message);
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task BinaryDataThatIsNotBase64_CannotBeDecoded_400(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var configMap = Objects.ConfigMap("bin", data: []);
        configMap["binaryData"] = new JsonObject { ["blob"] = "a=bc" };
        var created = await client.PostAsync(Objects.ConfigMaps(ns), configMap);
        Assert.Equal(400, created.Code);
        Assert.Equal("ConfigMap in version \"v1\" cannot be handled as a ConfigMap: illegal base64 data at input byte 1", created.Message);
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task KeyInDataAndBinaryData_IsInvalid(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var configMap = Objects.ConfigMap("both", data: new JsonObject { ["key"] = "text" });
        configMap["binaryData"] = new JsonObject { ["key"] = "Ynl0ZXM=" };
        var created = await client.PostAsync(Objects.ConfigMaps(ns), configMap);
        Assert.Equal(422, created.Code);
        Assert.Equal("ConfigMap \"both\" is invalid: data[key]: Invalid value: \"key\": duplicate of key present in binaryData", created.Message);
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task KeyThatIsNoConfigKey_IsInvalid(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var created = await client.PostAsync(Objects.ConfigMaps(ns), Objects.ConfigMap("keys", data: new JsonObject { ["."] = "x" }));
        Assert.Equal(422, created.Code);
        Assert.Equal("ConfigMap \"keys\" is invalid: data[.]: Invalid value: \".\": must not be '.'", created.Message);
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task DataOverOneMebibyte_IsTooLong(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var configMap = Objects.ConfigMap("big", data: new JsonObject { ["text"] = new string('a', 1024 * 1024) });
        configMap["binaryData"] = new JsonObject { ["one"] = "AA==" };
        var created = await client.PostAsync(Objects.ConfigMaps(ns), configMap);
        Assert.Equal(422, created.Code);
        var cause = Assert.Single(created.Body!["details"]!["causes"]!.AsArray())!;
        Assert.Equal("FieldValueTooLong", cause["reason"]?.ToString());
        Assert.Equal("Too long: may not be more than 1048576 bytes", cause["message"]?.ToString());
    }
}
