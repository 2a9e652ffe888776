using System.Text.Json.Nodes;
using CiBridge.Sandbox.Tests.ApiServer.Support;

namespace CiBridge.Sandbox.Tests.ApiServer.Contract;

/// <summary>kube's decoding and <c>ValidateSecret</c>: base64 data, config keys, size, the keys each type needs, an immutable type.</summary>
public sealed class SecretValidationContractTests
{
    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task DataThatIsNotBase64_CannotBeDecoded_400(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var created = await client.PostAsync(Objects.Secrets(ns), Objects.Secret("plain", new JsonObject { ["token"] = "not base64!" }));
        Assert.Equal(400, created.Code);
        Assert.Equal("BadRequest", created.Reason);
        Assert.Equal("Secret in version \"v1\" cannot be handled as a Secret: illegal base64 data at input byte 3", created.Message);
        Assert.Equal(404, (await client.GetAsync($"{Objects.Secrets(ns)}/plain")).Code);
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task DataWithoutPadding_CannotBeDecoded_AtTheEndOfTheText(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        // "admin" is five characters: the second quantum ends after one, so Go reports byte 4.
        var created = await client.PostAsync(Objects.Secrets(ns), Objects.Secret("short", new JsonObject { ["user"] = "admin" }));
        Assert.Equal(400, created.Code);
        Assert.Equal("Secret in version \"v1\" cannot be handled as a Secret: illegal base64 data at input byte 4", created.Message);
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task MergePatchThatBreaksBase64_IsInvalidOnThePatch_422(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        Assert.Equal(201, (await client.PostAsync(Objects.Secrets(ns), Objects.Secret("s", new JsonObject { ["token"] = "dmFsdWU=" }))).Code);
        var patched = await client.PatchAsync($"{Objects.Secrets(ns)}/s", """{"data":{"token":"not base64!"}}""");
        Assert.Equal(422, patched.Code);
        var cause = Assert.Single(patched.Body!["details"]!["causes"]!.AsArray())!;
        Assert.Equal("patch", cause["field"]?.ToString());
        Assert.EndsWith(": illegal base64 data at input byte 3", cause["message"]?.ToString());
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task KeyThatIsNoConfigKey_IsInvalid(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var created = await client.PostAsync(Objects.Secrets(ns), Objects.Secret("s", new JsonObject { ["bad key"] = "dmFsdWU=" }));
        Assert.Equal(422, created.Code);
        Assert.Equal("Secret \"s\" is invalid: data[bad key]: Invalid value: \"bad key\": a valid config key must consist of alphanumeric "
            + "characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
            created.Message);
        Assert.Equal("data[bad key]", created.Body!["details"]!["causes"]![0]!["field"]?.ToString());
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task KeyThatClimbsUp_IsInvalid(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var created = await client.PostAsync(Objects.Secrets(ns), Objects.Secret("s", new JsonObject { ["..data"] = "dmFsdWU=" }));
        Assert.Equal(422, created.Code);
        Assert.Equal("Secret \"s\" is invalid: data[..data]: Invalid value: \"..data\": must not start with '..'", created.Message);
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task DataOverOneMebibyte_IsTooLong(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var big = Convert.ToBase64String(new byte[(1024 * 1024) + 1]);
        var created = await client.PostAsync(Objects.Secrets(ns), Objects.Secret("big", new JsonObject { ["blob"] = big }));
        Assert.Equal(422, created.Code);
        Assert.Equal("Secret \"big\" is invalid: data: Too long: may not be more than 1048576 bytes", created.Message);
        var exact = Convert.ToBase64String(new byte[1024 * 1024]);
        Assert.Equal(201, (await client.PostAsync(Objects.Secrets(ns), Objects.Secret("exact", new JsonObject { ["blob"] = exact }))).Code);
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task BasicAuthWithoutUsernameOrPassword_IsInvalid(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var created = await client.PostAsync(Objects.Secrets(ns), Objects.Secret("auth", [], "kubernetes.io/basic-auth"));
        Assert.Equal(422, created.Code);
        Assert.Equal("Secret \"auth\" is invalid: [data[username]: Required value, data[password]: Required value]", created.Message);
        var onlyPassword = Objects.Secret("auth", new JsonObject { ["password"] = "" }, "kubernetes.io/basic-auth");
        Assert.Equal(201, (await client.PostAsync(Objects.Secrets(ns), onlyPassword)).Code);
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task TlsWithoutKey_IsInvalid(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var created = await client.PostAsync(Objects.Secrets(ns), Objects.Secret("tls", new JsonObject { ["tls.crt"] = "Y2VydA==" }, "kubernetes.io/tls"));
        Assert.Equal(422, created.Code);
        Assert.Equal("Secret \"tls\" is invalid: data[tls.key]: Required value", created.Message);
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task DockerConfigJsonThatIsNoObject_IsInvalid_WithoutShowingTheSecret(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var missing = await client.PostAsync(Objects.Secrets(ns), Objects.Secret("pull", [], "kubernetes.io/dockerconfigjson"));
        Assert.Equal(422, missing.Code);
        Assert.Equal("Secret \"pull\" is invalid: data[.dockerconfigjson]: Required value", missing.Message);
        var array = new JsonObject { [".dockerconfigjson"] = Convert.ToBase64String("[\"hunter2\"]"u8.ToArray()) };
        var created = await client.PostAsync(Objects.Secrets(ns), Objects.Secret("pull", array, "kubernetes.io/dockerconfigjson"));
        Assert.Equal(422, created.Code);
        Assert.Equal("Secret \"pull\" is invalid: data[.dockerconfigjson]: Invalid value: \"<secret contents redacted>\": "
            + "json: cannot unmarshal array into Go value of type map[string]interface {}", created.Message);
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task Type_IsImmutable(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var created = await client.PostAsync(Objects.Secrets(ns), Objects.Secret("s", new JsonObject { ["token"] = "dmFsdWU=" }));
        Assert.Equal("Opaque", created.Object["type"]?.ToString());
        var changed = await client.PatchAsync($"{Objects.Secrets(ns)}/s", """{"type":"example.com/custom"}""");
        Assert.Equal(422, changed.Code);
        Assert.Equal("Secret \"s\" is invalid: type: Invalid value: \"example.com/custom\": field is immutable", changed.Message);
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task StringDataThatIsNoString_CannotBeDecoded(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var secret = Objects.Secret("s", []);
        secret["stringData"] = new JsonObject { ["port"] = 8080 };
        var created = await client.PostAsync(Objects.Secrets(ns), secret);
        Assert.Equal(400, created.Code);
        Assert.Equal("Secret in version \"v1\" cannot be handled as a Secret: json: cannot unmarshal number into Go struct field Secret.stringData of type string",
            created.Message);
    }
}
