using CiBridge.Sandbox.Tests.ApiServer.Support;

namespace CiBridge.Sandbox.Tests.ApiServer.Contract;

/// <summary>What OpenAPI v3 tells clients about writes: the patch media types each resource accepts.</summary>
public sealed class OpenApiContractTests
{
    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task PatchOperations_DeclareTheirMediaTypes_WithoutStrategicMergeForCustomResources(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var custom = await PatchTypesAsync(client, "apis/cibridge.dev/v1alpha1", "/apis/cibridge.dev/v1alpha1/namespaces/{namespace}/citasks/{name}");
        Assert.Contains("application/merge-patch+json", custom);
        Assert.Contains("application/json-patch+json", custom);
        Assert.Contains("application/apply-patch+yaml", custom);
        Assert.DoesNotContain("application/strategic-merge-patch+json", custom);
        var builtIn = await PatchTypesAsync(client, "api/v1", "/api/v1/namespaces/{namespace}/configmaps/{name}");
        Assert.Contains("application/strategic-merge-patch+json", builtIn);
    }

    private static async Task<List<string>> PatchTypesAsync(ApiClient client, string groupVersion, string path)
    {
        var index = await client.GetAsync("/openapi/v3");
        var url = index.Object["paths"]![groupVersion]!["serverRelativeURL"]!.ToString();
        var document = await client.GetAsync(url);
        var content = document.Object["paths"]![path]!["patch"]!["requestBody"]!["content"]!.AsObject();
        return [.. content.Select(p => p.Key)];
    }
}
