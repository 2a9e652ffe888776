using System.Text.Json.Nodes;
using CiBridge.Sandbox.ApiServer.Resources;

namespace CiBridge.Sandbox.ApiServer.OpenApi;

/// <summary>The path items of one resource, with the operations and query parameters kube documents.</summary>
internal static class OpenApiPaths
{
    public static IEnumerable<(string Path, JsonObject Item)> For(ResourceType type, string refPrefix, bool v2)
    {
        var prefix = type.Group.Length == 0 ? "/api/v1" : $"/apis/{type.Group}/{type.Version}";
        var collection = type.Namespaced ? $"{prefix}/namespaces/{{namespace}}/{type.Plural}" : $"{prefix}/{type.Plural}";
        var reference = new JsonObject { ["$ref"] = refPrefix + SchemaNames.For(type) };
        yield return (collection, new JsonObject
        {
            ["get"] = Operation(type, "list", reference, v2, []),
            ["post"] = Operation(type, "post", reference, v2, ["dryRun", "fieldManager", "fieldValidation"]),
        });
        yield return ($"{collection}/{{name}}", new JsonObject
        {
            ["get"] = Operation(type, "get", reference, v2, []),
            ["put"] = Operation(type, "put", reference, v2, ["dryRun", "fieldManager", "fieldValidation"]),
            ["patch"] = Operation(type, "patch", reference, v2, ["dryRun", "fieldManager", "fieldValidation", "force"]),
            ["delete"] = Operation(type, "delete", reference, v2, ["dryRun"]),
        });
        if (type.HasStatusSubresource)
        {
            yield return ($"{collection}/{{name}}/status", new JsonObject
            {
                ["get"] = Operation(type, "get", reference, v2, []),
                ["put"] = Operation(type, "put", reference, v2, ["dryRun", "fieldManager", "fieldValidation"]),
                ["patch"] = Operation(type, "patch", reference, v2, ["dryRun", "fieldManager", "fieldValidation", "force"]),
            });
        }
    }

    private static JsonObject Operation(ResourceType type, string action, JsonObject reference, bool v2, string[] query)
    {
        var parameters = new JsonArray();
        foreach (var name in query)
        {
            parameters.Add(v2
                ? new JsonObject { ["uniqueItems"] = true, ["type"] = name == "force" ? "boolean" : "string", ["name"] = name, ["in"] = "query" }
                : new JsonObject { ["name"] = name, ["in"] = "query", ["schema"] = new JsonObject { ["type"] = name == "force" ? "boolean" : "string", ["uniqueItems"] = true } });
        }
        var response = v2
            ? new JsonObject { ["description"] = "OK", ["schema"] = reference.DeepClone() }
            : new JsonObject { ["description"] = "OK", ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = reference.DeepClone() } } };
        var operation = new JsonObject
        {
            ["operationId"] = $"{action}{type.Kind}",
            ["parameters"] = parameters,
            ["responses"] = new JsonObject { ["200"] = response },
            ["x-kubernetes-action"] = action,
            ["x-kubernetes-group-version-kind"] = new JsonObject { ["group"] = type.Group, ["kind"] = type.Kind, ["version"] = type.Version },
        };
        if (action == "patch") DeclarePatchTypes(operation, type, v2);
        return operation;
    }

    /// <summary>Like kube, a patch operation names the patch media types the resource accepts (no strategic merge for custom resources).</summary>
    private static void DeclarePatchTypes(JsonObject operation, ResourceType type, bool v2)
    {
        if (v2)
        {
            operation["consumes"] = new JsonArray([.. type.PatchContentTypes.Select(t => (JsonNode)JsonValue.Create(t))]);
            return;
        }
        var content = new JsonObject();
        foreach (var mediaType in type.PatchContentTypes)
        {
            content[mediaType] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = "#/components/schemas/" + SchemaNames.Patch } };
        }
        operation["requestBody"] = new JsonObject { ["content"] = content, ["required"] = true };
    }
}
