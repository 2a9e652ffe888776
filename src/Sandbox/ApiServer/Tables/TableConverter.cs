using System.Text.Json.Nodes;
using CiBridge.Sandbox.ApiServer.Resources;

namespace CiBridge.Sandbox.ApiServer.Tables;

/// <summary>Renders objects as a <c>meta.k8s.io/v1 Table</c>, as kube-apiserver does for <c>kubectl get</c>.</summary>
internal sealed class TableConverter(TableColumns columns)
{
    /// <summary>A Table of <paramref name="items"/>; rows carry the object as asked by <c>includeObject</c>.</summary>
    public JsonObject Convert(ResourceType type, IEnumerable<JsonObject> items, JsonObject listMetadata, string includeObject, bool withColumns = true)
    {
        var defs = columns.For(type);
        var rows = new JsonArray();
        foreach (var item in items) rows.Add(Row(defs, item, includeObject));
        var table = new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = listMetadata,
            ["columnDefinitions"] = withColumns ? new JsonArray([.. defs.Select(d => (JsonNode)d.Definition())]) : null,
            ["rows"] = rows,
        };
        if (!withColumns) table["columnDefinitions"] = null;
        return table;
    }

    private static JsonObject Row(IReadOnlyList<TableColumn> defs, JsonObject item, string includeObject)
    {
        var cells = new JsonArray();
        foreach (var column in defs) cells.Add(column.Cell(item));
        var row = new JsonObject { ["cells"] = cells };
        row["object"] = includeObject switch
        {
            "None" => null,
            "Object" => item.DeepClone(),
            _ => new JsonObject
            {
                ["kind"] = "PartialObjectMetadata",
                ["apiVersion"] = "meta.k8s.io/v1",
                ["metadata"] = item["metadata"]?.DeepClone(),
            },
        };
        return row;
    }
}
