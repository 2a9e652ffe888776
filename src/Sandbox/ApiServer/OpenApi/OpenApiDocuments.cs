using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CiBridge.Sandbox.ApiServer.Resources;

namespace CiBridge.Sandbox.ApiServer.OpenApi;

/// <summary>
/// OpenAPI v3 (one document per group/version, plus the index at <c>/openapi/v3</c>) and v2 (one
/// document). Operations carry kube's extensions and query parameters, so kubectl sees that the
/// server validates fields itself (<c>fieldValidation</c>) and finds each kind's schema for explain.
/// </summary>
internal static class OpenApiDocuments
{
    private const string V3Ref = "#/components/schemas/";
    private const string V2Ref = "#/definitions/";

    public static JsonObject Index(IEnumerable<ResourceType> all)
    {
        var paths = new JsonObject();
        foreach (var gv in all.GroupBy(r => r.ApiVersion))
        {
            var key = GroupVersionPath(gv.First());
            paths[key] = new JsonObject { ["serverRelativeURL"] = $"/openapi/v3/{key}?hash={Hash(GroupVersion(gv.ToList()))}" };
        }
        return new JsonObject { ["paths"] = paths };
    }

    public static string GroupVersionPath(ResourceType type) => type.Group.Length == 0 ? "api/v1" : $"apis/{type.Group}/{type.Version}";

    public static JsonObject GroupVersion(IReadOnlyList<ResourceType> resources)
    {
        var schemas = new JsonObject
        {
            [SchemaNames.ObjectMeta] = BuiltinSchemas.ObjectMeta(),
            [SchemaNames.ListMeta] = new JsonObject { ["type"] = "object", ["x-kubernetes-preserve-unknown-fields"] = true },
            [SchemaNames.Patch] = new JsonObject { ["description"] = "Patch is provided to give a concrete name and type to the Kubernetes PATCH request body.", ["type"] = "object" },
        };
        var paths = new JsonObject();
        foreach (var type in resources)
        {
            schemas[SchemaNames.For(type)] = KindSchema(type, V3Ref);
            schemas[SchemaNames.For(type, list: true)] = ListSchema(type, V3Ref);
            foreach (var (path, item) in OpenApiPaths.For(type, V3Ref, v2: false)) paths[path] = item;
        }
        return new JsonObject
        {
            ["openapi"] = "3.0.0",
            ["info"] = new JsonObject { ["title"] = "Kubernetes", ["version"] = "v1.32.0" },
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = schemas },
        };
    }

    public static JsonObject Swagger(IEnumerable<ResourceType> all)
    {
        var definitions = new JsonObject
        {
            [SchemaNames.ObjectMeta] = BuiltinSchemas.ObjectMeta(),
            [SchemaNames.ListMeta] = new JsonObject { ["type"] = "object" },
        };
        var paths = new JsonObject();
        foreach (var type in all)
        {
            definitions[SchemaNames.For(type)] = KindSchema(type, V2Ref);
            definitions[SchemaNames.For(type, list: true)] = ListSchema(type, V2Ref);
            foreach (var (path, item) in OpenApiPaths.For(type, V2Ref, v2: true)) paths[path] = item;
        }
        return new JsonObject
        {
            ["swagger"] = "2.0",
            ["info"] = new JsonObject { ["title"] = "Kubernetes", ["version"] = "v1.32.0" },
            ["paths"] = paths,
            ["definitions"] = definitions,
        };
    }

    public static string Hash(JsonNode document) =>
        Convert.ToHexString(SHA512.HashData(Encoding.UTF8.GetBytes(document.ToJsonString())));

    private static JsonObject KindSchema(ResourceType type, string refPrefix)
    {
        JsonObject schema;
        if (type.Schema is { } crdSchema)
        {
            schema = (JsonObject)crdSchema.DeepClone();
            if (schema["properties"] is not JsonObject properties) schema["properties"] = properties = [];
            properties["metadata"] = new JsonObject
            {
                ["allOf"] = new JsonArray(new JsonObject { ["$ref"] = refPrefix + SchemaNames.ObjectMeta }),
                ["description"] = "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
            };
        }
        else
        {
            schema = BuiltinSchemas.For(type, refPrefix);
        }
        schema["x-kubernetes-group-version-kind"] = Gvk(type, type.Kind);
        return schema;
    }

    private static JsonObject ListSchema(ResourceType type, string refPrefix) => new()
    {
        ["description"] = $"{type.ListKind} is a list of {type.Kind}",
        ["type"] = "object",
        ["required"] = new JsonArray("items"),
        ["properties"] = new JsonObject
        {
            ["apiVersion"] = new JsonObject { ["type"] = "string" },
            ["kind"] = new JsonObject { ["type"] = "string" },
            ["items"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["$ref"] = refPrefix + SchemaNames.For(type) } },
            ["metadata"] = new JsonObject { ["$ref"] = refPrefix + SchemaNames.ListMeta },
        },
        ["x-kubernetes-group-version-kind"] = Gvk(type, type.ListKind),
    };

    public static JsonArray Gvk(ResourceType type, string kind) =>
        new(new JsonObject { ["group"] = type.Group, ["kind"] = kind, ["version"] = type.Version });
}
