using System.Text.Json.Nodes;

namespace CiBridge.Sandbox.ApiServer.Schema;

/// <summary>
/// What kube-apiserver does with a custom resource's <c>openAPIV3Schema</c> on every write, in
/// its order: prune unknown fields, apply defaults (dropping nulls the schema does not allow),
/// then validate. Each step works in place on a <see cref="JsonNode"/> tree.
/// </summary>
public static class StructuralSchema
{
    /// <summary>Checks <paramref name="obj"/> against the schema; an empty list means valid.</summary>
    public static IReadOnlyList<FieldError> Validate(JsonNode? obj, JsonObject schema)
    {
        var errors = new List<FieldError>();
        SchemaValidator.Validate(obj, schema, "", errors);
        return errors;
    }

    /// <summary>Removes fields the schema does not declare (the root's apiVersion, kind and metadata stay).</summary>
    public static void Prune(JsonNode? obj, JsonObject schema) => SchemaPruner.PruneRoot(obj, schema);

    /// <summary>Drops nulls where the schema is not nullable, then fills in declared defaults.</summary>
    public static void ApplyDefaults(JsonNode? obj, JsonObject schema) => SchemaDefaulter.Apply(obj, schema);
}
