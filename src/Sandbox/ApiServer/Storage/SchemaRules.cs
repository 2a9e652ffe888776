using System.Text.Json.Nodes;
using CiBridge.Sandbox.ApiServer.Schema;

namespace CiBridge.Sandbox.ApiServer.Storage;

/// <summary>
/// Schema handling of custom resources with the structural-schema engine: pruning (reporting the
/// pruned fields for fieldValidation), defaulting and validation against the version's schema.
/// </summary>
internal static class SchemaRules
{
    /// <summary>Prunes unknown fields and applies defaults in place; returns the paths of the pruned fields.</summary>
    public static IReadOnlyList<string> DefaultAndPrune(JsonObject obj, JsonObject? schema)
    {
        if (schema is null) return [];
        var before = (JsonObject)obj.DeepClone();
        StructuralSchema.Prune(obj, schema);
        var pruned = new List<string>();
        UnknownFields.Collect(before, obj, "", pruned);
        StructuralSchema.ApplyDefaults(obj, schema);
        return pruned;
    }

    /// <summary>Validation errors as (field, cause reason, message).</summary>
    public static IReadOnlyList<(string Field, string Reason, string Message)> Validate(JsonObject obj, JsonObject? schema) =>
        schema is null ? [] : [.. StructuralSchema.Validate(obj, schema).Select(e => (e.Field, e.Reason, e.Message))];
}
