using System.Text.Json.Nodes;
using CiBridge.Sandbox.Tests.ApiServer.Support;

namespace CiBridge.Sandbox.Tests.ApiServer.Contract;

/// <summary>kube's namespace strategy and validation, finalizer names, and ServiceAccount names.</summary>
public sealed class NamespaceValidationContractTests
{
    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task NameWithADot_IsNoDnsLabel(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var created = await client.PostAsync("/api/v1/namespaces", Namespace("team.a"));
        Assert.Equal(422, created.Code);
        Assert.Equal("Namespace \"team.a\" is invalid: metadata.name: Invalid value: \"team.a\": a lowercase RFC 1123 label must consist of "
            + "lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', "
            + "regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')", created.Message);
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task FinalizerThatIsNeitherKubesNorQualified_IsInvalid(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var name = "t-" + Guid.NewGuid().ToString("N")[..10];
        var created = await client.PostAsync("/api/v1/namespaces", Namespace(name, "custom"));
        Assert.Equal(422, created.Code);
        Assert.Equal($"Namespace \"{name}\" is invalid: spec.finalizers: Invalid value: \"custom\": name is neither a standard finalizer name nor is it fully qualified",
            created.Message);
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task KubernetesFinalizer_IsAdded_AndAnUpdateCannotChangeTheFinalizers(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var name = "t-" + Guid.NewGuid().ToString("N")[..10];
        var created = await client.PostAsync("/api/v1/namespaces", Namespace(name, "example.com/cleanup"));
        Assert.Equal(201, created.Code);
        Assert.Equal(["example.com/cleanup", "kubernetes"], Finalizers(created.Object));
        var patched = await client.PatchAsync($"/api/v1/namespaces/{name}", """{"spec":{"finalizers":[]}}""");
        Assert.Equal(200, patched.Code);
        Assert.Equal(["example.com/cleanup", "kubernetes"], Finalizers(patched.Object));
        var finalized = await client.PutAsync($"/api/v1/namespaces/{name}/finalize", Namespace(name, "kubernetes"));
        Assert.Equal(200, finalized.Code);
        Assert.Equal(["kubernetes"], Finalizers(finalized.Object));
        Assert.Equal(200, (await client.DeleteAsync($"/api/v1/namespaces/{name}")).Code);
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task MetadataFinalizerOfACoreKind_MustBeKubesOrQualified(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var held = Objects.ConfigMap("held");
        held["metadata"]!["finalizers"] = new JsonArray("example.com/hold", "hold");
        var created = await client.PostAsync(Objects.ConfigMaps(ns), held);
        Assert.Equal(422, created.Code);
        Assert.Equal("ConfigMap \"held\" is invalid: metadata.finalizers[1]: Invalid value: \"hold\": name is neither a standard finalizer name nor is it fully qualified",
            created.Message);
        held["metadata"]!["finalizers"] = new JsonArray("example.com/a b");
        var spaced = await client.PostAsync(Objects.ConfigMaps(ns), held);
        Assert.Equal(422, spaced.Code);
        Assert.Equal("ConfigMap \"held\" is invalid: metadata.finalizers: Invalid value: \"example.com/a b\": name part must consist of alphanumeric characters, "
            + "'-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', "
            + "regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')", spaced.Message);
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task ServiceAccountName_IsADnsSubdomain(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var account = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ServiceAccount",
            ["metadata"] = new JsonObject { ["name"] = "ci.bridge" },
            ["imagePullSecrets"] = new JsonArray(new JsonObject { ["name"] = "does-not-exist" }),
        };
        Assert.Equal(201, (await client.PostAsync($"/api/v1/namespaces/{ns}/serviceaccounts", account)).Code);
        account["metadata"]!["name"] = "CI";
        var invalid = await client.PostAsync($"/api/v1/namespaces/{ns}/serviceaccounts", account);
        Assert.Equal(422, invalid.Code);
        Assert.Equal("ServiceAccount \"CI\" is invalid: metadata.name: Invalid value: \"CI\": a lowercase RFC 1123 subdomain must consist of lower case "
            + "alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for "
            + "validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')", invalid.Message);
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task ServiceAccountAutomountThatIsNoBool_CannotBeDecoded_400(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var account = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ServiceAccount",
            ["metadata"] = new JsonObject { ["name"] = "ci-bridge" },
            ["automountServiceAccountToken"] = "yes",
        };
        var created = await client.PostAsync($"/api/v1/namespaces/{ns}/serviceaccounts", account);
        Assert.Equal(400, created.Code);
        Assert.Equal("ServiceAccount in version \"v1\" cannot be handled as a ServiceAccount: json: cannot unmarshal string into Go struct field "
            + "ServiceAccount.automountServiceAccountToken of type bool", created.Message);
    }

    private static JsonObject Namespace(string name, params string[] finalizers)
    {
        var ns = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = name } };
        if (finalizers.Length > 0) ns["spec"] = new JsonObject { ["finalizers"] = new JsonArray([.. finalizers.Select(f => (JsonNode)JsonValue.Create(f))]) };
        return ns;
    }

    private static List<string> Finalizers(JsonObject ns) => [.. (ns["spec"]?["finalizers"] as JsonArray ?? []).Select(f => f!.ToString())];
}
