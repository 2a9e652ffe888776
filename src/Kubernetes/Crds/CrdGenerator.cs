using System.ComponentModel;
using System.Reflection;
using System.Text.Json.Nodes;

namespace CiBridge.Kubernetes.Crds;

/// <summary>
/// Writes an <c>apiextensions.k8s.io/v1</c> CustomResourceDefinition for a C# entity type: names
/// from <see cref="KubernetesEntityAttribute"/>, columns from <see cref="PrinterColumnAttribute"/>,
/// and a structural OpenAPI v3 schema from the spec and status types (see <see cref="SchemaBuilder"/>).
/// </summary>
public static class CrdGenerator
{
    public static JsonObject Generate(Type entityType)
    {
        var entity = entityType.GetCustomAttribute<KubernetesEntityAttribute>()
            ?? throw new ArgumentException($"{entityType.Name} has no [KubernetesEntity] attribute", nameof(entityType));
        var singular = entity.Kind.ToLowerInvariant();
        var names = new JsonObject
        {
            ["kind"] = entity.Kind,
            ["listKind"] = entity.Kind + "List",
            ["plural"] = entity.Plural,
            ["singular"] = singular,
        };
        if (entity.ShortNames.Length > 0) names["shortNames"] = Strings(entity.ShortNames);
        if (entity.Categories.Length > 0) names["categories"] = Strings(entity.Categories);

        var version = new JsonObject
        {
            ["name"] = entity.Version,
            ["served"] = true,
            ["storage"] = true,
        };
        var columns = PrinterColumns(entityType);
        if (columns.Count > 0) version["additionalPrinterColumns"] = columns;
        version["schema"] = new JsonObject { ["openAPIV3Schema"] = RootSchema(entityType) };
        if (entityType.GetProperty("Status") is not null)
        {
            version["subresources"] = new JsonObject { ["status"] = new JsonObject() };
        }

        return new JsonObject
        {
            ["apiVersion"] = "apiextensions.k8s.io/v1",
            ["kind"] = "CustomResourceDefinition",
            ["metadata"] = new JsonObject { ["name"] = $"{entity.Plural}.{entity.Group}" },
            ["spec"] = new JsonObject
            {
                ["group"] = entity.Group,
                ["names"] = names,
                ["scope"] = entity.Namespaced ? "Namespaced" : "Cluster",
                ["versions"] = new JsonArray(version),
            },
        };
    }

    private static JsonObject RootSchema(Type entityType)
    {
        var properties = new JsonObject
        {
            ["apiVersion"] = new JsonObject
            {
                ["description"] = "APIVersion defines the versioned schema of this representation of an object.",
                ["type"] = "string",
            },
            ["kind"] = new JsonObject
            {
                ["description"] = "Kind is a string value representing the REST resource this object represents.",
                ["type"] = "string",
            },
            ["metadata"] = new JsonObject { ["type"] = "object" },
        };
        var required = new JsonArray();
        foreach (var name in new[] { "Spec", "Status" })
        {
            if (entityType.GetProperty(name) is not { } property) continue;
            var schema = SchemaBuilder.ForProperty(property);
            properties[SchemaBuilder.JsonName(property)] = schema;
            if (name == "Spec") required.Add("spec");
        }
        var root = new JsonObject();
        if (entityType.GetCustomAttribute<DescriptionAttribute>() is { } description)
        {
            root["description"] = description.Description;
        }
        root["type"] = "object";
        root["properties"] = properties;
        if (required.Count > 0) root["required"] = required;
        return root;
    }

    private static JsonArray PrinterColumns(Type entityType)
    {
        var columns = new JsonArray();
        foreach (var column in entityType.GetCustomAttributes<PrinterColumnAttribute>())
        {
            var node = new JsonObject
            {
                ["name"] = column.Name,
                ["type"] = column.Type,
                ["jsonPath"] = column.JsonPath,
            };
            if (column.Description is not null) node["description"] = column.Description;
            if (column.Format is not null) node["format"] = column.Format;
            if (column.Priority != 0) node["priority"] = column.Priority;
            columns.Add(node);
        }
        return columns;
    }

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)v)]);
}
