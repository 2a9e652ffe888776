using System.Text.Json.Nodes;
using CiBridge.Sandbox.Tests.ApiServer.Support;

namespace CiBridge.Sandbox.Tests.ApiServer.Contract;

/// <summary>kube's <c>ValidateLeaseSpec</c> and typed decoding of coordination.k8s.io/v1 Leases.</summary>
public sealed class LeaseValidationContractTests
{
    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task DurationOfZero_IsInvalid(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var created = await client.PostAsync(Leases(ns), Lease("leader", new JsonObject { ["holderIdentity"] = "a", ["leaseDurationSeconds"] = 0 }));
        Assert.Equal(422, created.Code);
        Assert.Equal("Lease.coordination.k8s.io \"leader\" is invalid: spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0", created.Message);
        Assert.Equal("spec.leaseDurationSeconds", created.Body!["details"]!["causes"]![0]!["field"]?.ToString());
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task NegativeTransitions_AreInvalid_AlsoOnUpdate(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var created = await client.PostAsync(Leases(ns), Lease("leader", new JsonObject { ["holderIdentity"] = "a", ["leaseDurationSeconds"] = 15 }));
        Assert.Equal(201, created.Code);
        var patched = await client.PatchAsync($"{Leases(ns)}/leader", """{"spec":{"leaseTransitions":-1}}""");
        Assert.Equal(422, patched.Code);
        Assert.Equal("Lease.coordination.k8s.io \"leader\" is invalid: spec.leaseTransitions: Invalid value: -1: must be greater than or equal to 0", patched.Message);
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task DurationThatIsNoNumber_CannotBeDecoded_400(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var created = await client.PostAsync(Leases(ns), Lease("leader", new JsonObject { ["leaseDurationSeconds"] = "15s" }));
        Assert.Equal(400, created.Code);
        Assert.Equal("Lease in version \"v1\" cannot be handled as a Lease: json: cannot unmarshal string into Go struct field LeaseSpec.spec.leaseDurationSeconds of type int32",
            created.Message);
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task PutWithoutResourceVersion_IsRefused(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        Assert.Equal(201, (await client.PostAsync(Leases(ns), Lease("leader", new JsonObject { ["holderIdentity"] = "a" }))).Code);
        var replaced = await client.PutAsync($"{Leases(ns)}/leader", Lease("leader", new JsonObject { ["holderIdentity"] = "b" }));
        Assert.Equal(422, replaced.Code);
        Assert.Equal("leases.coordination.k8s.io \"leader\" is invalid: metadata.resourceVersion: Invalid value: 0x0: must be specified for an update",
            replaced.Message);
    }

    private static string Leases(string ns) => $"/apis/coordination.k8s.io/v1/namespaces/{ns}/leases";

    private static JsonObject Lease(string name, JsonObject spec) => new()
    {
        ["apiVersion"] = "coordination.k8s.io/v1",
        ["kind"] = "Lease",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["spec"] = spec,
    };
}
