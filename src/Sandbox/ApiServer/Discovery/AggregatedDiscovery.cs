using System.Text.Json.Nodes;
using CiBridge.Sandbox.ApiServer.Resources;

namespace CiBridge.Sandbox.ApiServer.Discovery;

/// <summary>
/// Aggregated discovery (<c>apidiscovery.k8s.io/v2 APIGroupDiscoveryList</c>): every group, version
/// and resource in one document, served on <c>/api</c> and <c>/apis</c> when the Accept header asks.
/// </summary>
internal static class AggregatedDiscovery
{
    public const string ContentType = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";

    public static JsonObject Build(IEnumerable<ResourceType> all, bool core)
    {
        var items = new JsonArray();
        var resources = all.Where(r => (r.Group.Length == 0) == core).ToList();
        foreach (var group in resources.GroupBy(r => r.Group))
        {
            var versions = new JsonArray();
            foreach (var version in group.GroupBy(r => r.Version))
            {
                versions.Add(new JsonObject
                {
                    ["version"] = version.Key,
                    ["resources"] = new JsonArray([.. version.Select(r => (JsonNode)Resource(r))]),
                    ["freshness"] = "Current",
                });
            }
            var metadata = new JsonObject { ["creationTimestamp"] = null };
            if (!core) metadata["name"] = group.Key;
            items.Add(new JsonObject { ["metadata"] = metadata, ["versions"] = versions });
        }
        return new JsonObject
        {
            ["kind"] = "APIGroupDiscoveryList",
            ["apiVersion"] = "apidiscovery.k8s.io/v2",
            ["metadata"] = new JsonObject(),
            ["items"] = items,
        };
    }

    private static JsonObject Resource(ResourceType r)
    {
        var resource = new JsonObject
        {
            ["resource"] = r.Plural,
            ["responseKind"] = Kind(r),
            ["scope"] = r.Namespaced ? "Namespaced" : "Cluster",
            ["singularResource"] = r.Singular,
            ["verbs"] = new JsonArray([.. ResourceType.AllVerbs.Select(v => (JsonNode)JsonValue.Create(v))]),
        };
        if (r.ShortNames.Count > 0) resource["shortNames"] = new JsonArray([.. r.ShortNames.Select(s => (JsonNode)JsonValue.Create(s))]);
        if (r.Categories.Count > 0) resource["categories"] = new JsonArray([.. r.Categories.Select(s => (JsonNode)JsonValue.Create(s))]);
        if (r.HasStatusSubresource)
        {
            resource["subresources"] = new JsonArray(new JsonObject
            {
                ["subresource"] = "status",
                ["responseKind"] = Kind(r),
                ["verbs"] = new JsonArray("get", "patch", "update"),
            });
        }
        return resource;
    }

    private static JsonObject Kind(ResourceType r) => new() { ["group"] = r.Group, ["version"] = r.Version, ["kind"] = r.Kind };
}
