using System.Text.Json.Nodes;
using CiBridge.Sandbox.ApiServer.Storage;

namespace CiBridge.Sandbox.ApiServer.Resources;

/// <summary>Turns a CustomResourceDefinition into the resources it serves (one per served version).</summary>
internal static class CrdResourceFactory
{
    public static IEnumerable<ResourceType> Served(JsonObject crd)
    {
        var spec = crd["spec"] as JsonObject ?? [];
        var names = spec["names"] as JsonObject ?? [];
        var kind = names["kind"]?.ToString() ?? "";
        var plural = names["plural"]?.ToString() ?? "";
        foreach (var version in spec["versions"] as JsonArray ?? [])
        {
            if (JsonNumbers.AsBool(version?["served"]) != true) continue;
            yield return new ResourceType
            {
                Group = spec["group"]?.ToString() ?? "",
                Version = version!["name"]?.ToString() ?? "",
                Kind = kind,
                Plural = plural,
                Singular = names["singular"]?.ToString() is { Length: > 0 } singular ? singular : kind.ToLowerInvariant(),
                Namespaced = spec["scope"]?.ToString() != "Cluster",
                ShortNames = Strings(names["shortNames"]),
                Categories = Strings(names["categories"]),
                HasStatusSubresource = version["subresources"]?["status"] is not null,
                IsCustom = true,
                TracksGeneration = true,
                Schema = JsonTrees.Materialize(version["schema"]?["openAPIV3Schema"]?.DeepClone() as JsonObject),
                PrinterColumns = JsonTrees.Materialize(version["additionalPrinterColumns"]?.DeepClone() as JsonArray),
            };
        }
    }

    private static string[] Strings(JsonNode? node) => [.. (node as JsonArray ?? []).Select(n => n?.ToString() ?? "")];
}
