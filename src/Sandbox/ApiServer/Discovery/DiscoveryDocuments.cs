using System.Text.Json.Nodes;
using CiBridge.Sandbox.ApiServer.Resources;

namespace CiBridge.Sandbox.ApiServer.Discovery;

/// <summary>Legacy discovery documents: APIVersions, APIGroupList, APIGroup and APIResourceList.</summary>
internal static class DiscoveryDocuments
{
    public static JsonObject ApiVersions() => new()
    {
        ["kind"] = "APIVersions",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = "127.0.0.1:443" }),
    };

    public static JsonObject GroupList(IEnumerable<ResourceType> all) => new()
    {
        ["kind"] = "APIGroupList",
        ["apiVersion"] = "v1",
        ["groups"] = new JsonArray([.. Groups(all).Select(g => (JsonNode)Group(g.Key, g.Value))]),
    };

    public static JsonObject? GroupDocument(IEnumerable<ResourceType> all, string group)
    {
        var versions = Groups(all).FirstOrDefault(g => g.Key == group).Value;
        if (versions is null) return null;
        var document = Group(group, versions);
        document["kind"] = "APIGroup";
        document["apiVersion"] = "v1";
        return document;
    }

    public static JsonObject? ResourceList(IEnumerable<ResourceType> all, string group, string version)
    {
        var resources = all.Where(r => r.Group == group && r.Version == version).ToList();
        if (resources.Count == 0 && !(group.Length == 0 && version == "v1")) return null;
        var list = new JsonArray();
        foreach (var r in resources)
        {
            list.Add(Resource(r));
            if (r.HasStatusSubresource) list.Add(new JsonObject { ["name"] = r.Plural + "/status", ["singularName"] = "", ["namespaced"] = r.Namespaced, ["kind"] = r.Kind, ["verbs"] = new JsonArray("get", "patch", "update") });
        }
        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = group.Length == 0 ? version : $"{group}/{version}",
            ["resources"] = list,
        };
    }

    public static JsonObject Resource(ResourceType r)
    {
        var resource = new JsonObject
        {
            ["name"] = r.Plural,
            ["singularName"] = r.Singular,
            ["namespaced"] = r.Namespaced,
            ["kind"] = r.Kind,
            ["verbs"] = new JsonArray([.. ResourceType.AllVerbs.Select(v => (JsonNode)JsonValue.Create(v))]),
        };
        if (r.ShortNames.Count > 0) resource["shortNames"] = new JsonArray([.. r.ShortNames.Select(s => (JsonNode)JsonValue.Create(s))]);
        if (r.Categories.Count > 0) resource["categories"] = new JsonArray([.. r.Categories.Select(s => (JsonNode)JsonValue.Create(s))]);
        return resource;
    }

    /// <summary>Named groups (not the core group) with their versions, preferred version first.</summary>
    public static List<KeyValuePair<string, List<string>>> Groups(IEnumerable<ResourceType> all) =>
        [.. all.Where(r => r.Group.Length > 0).GroupBy(r => r.Group)
            .Select(g => new KeyValuePair<string, List<string>>(g.Key, [.. g.Select(r => r.Version).Distinct()]))];

    private static JsonObject Group(string name, List<string> versions)
    {
        JsonObject Version(string v) => new() { ["groupVersion"] = $"{name}/{v}", ["version"] = v };
        return new JsonObject
        {
            ["name"] = name,
            ["versions"] = new JsonArray([.. versions.Select(v => (JsonNode)Version(v))]),
            ["preferredVersion"] = Version(versions[0]),
        };
    }
}
