using System.Text.Json.Nodes;
using CiBridge.Sandbox.ApiServer.Resources;

namespace CiBridge.Sandbox.ApiServer.OpenApi;

/// <summary>Schemas of the built-in kinds, reduced to what explain and validation need; the rest is open.</summary>
internal static class BuiltinSchemas
{
    public static JsonObject For(ResourceType type, string refPrefix)
    {
        var properties = new JsonObject
        {
            ["apiVersion"] = Text("APIVersion defines the versioned schema of this representation of an object."),
            ["kind"] = Text("Kind is a string value representing the REST resource this object represents."),
            ["metadata"] = Ref(refPrefix + SchemaNames.ObjectMeta, "Standard object's metadata."),
        };
        foreach (var (name, schema) in Extra(type.Kind)) properties[name] = schema;
        return new JsonObject
        {
            ["description"] = $"{type.Kind} (served by the CiBridge sandbox).",
            ["type"] = "object",
            ["properties"] = properties,
            ["x-kubernetes-preserve-unknown-fields"] = true,
        };
    }

    public static JsonObject ObjectMeta() => new()
    {
        ["description"] = "ObjectMeta is metadata that all persisted resources must have, which includes all objects users must create.",
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            ["name"] = Text("Name must be unique within a namespace."),
            ["generateName"] = Text("GenerateName is an optional prefix, used by the server, to generate a unique name."),
            ["namespace"] = Text("Namespace defines the space within which each name must be unique."),
            ["uid"] = Text("UID is the unique in time and space value for this object."),
            ["resourceVersion"] = Text("An opaque value that represents the internal version of this object."),
            ["generation"] = new JsonObject { ["type"] = "integer", ["format"] = "int64", ["description"] = "A sequence number representing a specific generation of the desired state." },
            ["creationTimestamp"] = new JsonObject { ["type"] = "string", ["format"] = "date-time", ["description"] = "Time when this object was created." },
            ["deletionTimestamp"] = new JsonObject { ["type"] = "string", ["format"] = "date-time", ["description"] = "Time at which this resource will be deleted." },
            ["deletionGracePeriodSeconds"] = new JsonObject { ["type"] = "integer", ["format"] = "int64" },
            ["labels"] = StringMap("Map of string keys and values that can be used to organize and categorize objects."),
            ["annotations"] = StringMap("Annotations is an unstructured key value map stored with a resource."),
            ["finalizers"] = new JsonObject { ["type"] = "array", ["items"] = Text(""), ["description"] = "Must be empty before the object is deleted from the registry." },
            ["ownerReferences"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "object", ["x-kubernetes-preserve-unknown-fields"] = true } },
            ["managedFields"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "object", ["x-kubernetes-preserve-unknown-fields"] = true } },
        },
    };

    private static IEnumerable<(string, JsonObject)> Extra(string kind) => kind switch
    {
        "Secret" => [("data", StringMap("Data contains the secret data, base64 encoded.")), ("stringData", StringMap("stringData allows specifying non-binary secret data in string form.")), ("type", Text("Used to facilitate programmatic handling of secret data.")), ("immutable", new JsonObject { ["type"] = "boolean" })],
        "ConfigMap" => [("data", StringMap("Data contains the configuration data.")), ("binaryData", StringMap("BinaryData contains the binary data.")), ("immutable", new JsonObject { ["type"] = "boolean" })],
        _ => [],
    };

    private static JsonObject Text(string description) => new() { ["type"] = "string", ["description"] = description };

    private static JsonObject StringMap(string description) =>
        new() { ["type"] = "object", ["additionalProperties"] = new JsonObject { ["type"] = "string", ["default"] = "" }, ["description"] = description };

    private static JsonObject Ref(string target, string description) =>
        new() { ["allOf"] = new JsonArray(new JsonObject { ["$ref"] = target }), ["description"] = description, ["default"] = new JsonObject() };
}
