using System.Globalization;
using System.Text.Json.Nodes;
using CiBridge.Sandbox.ApiServer.Resources;
using CiBridge.Sandbox.ApiServer.Storage;

namespace CiBridge.Sandbox.ApiServer.Tables;

/// <summary>The columns kube-apiserver prints for each kind; custom resources use additionalPrinterColumns.</summary>
internal sealed class TableColumns(TimeProvider time)
{
    private static readonly string[] s_lastSeenPaths = [".lastTimestamp", ".deprecatedLastTimestamp", ".eventTime", ".metadata.creationTimestamp"];

    public IReadOnlyList<TableColumn> For(ResourceType type)
    {
        var name = new TableColumn("Name", "string", "name", "Name must be unique within a namespace.", 0, o => o["metadata"]?["name"]?.DeepClone());
        var age = Date("Age", ".metadata.creationTimestamp", 0, "CreationTimestamp is a timestamp representing the server time when this object was created.");
        if (type.IsCustom)
        {
            var custom = (type.PrinterColumns ?? []).OfType<JsonObject>().Select(FromPrinterColumn).ToList();
            return custom.Count == 0 ? [name, age] : [name, .. custom];
        }
        return type.Kind switch
        {
            "Namespace" => [name, Path("Status", ".status.phase"), age],
            "Secret" => [name, Path("Type", ".type"), Count("Data", o => (o["data"] as JsonObject)?.Count ?? 0), age],
            "ConfigMap" => [name, Count("Data", o => ((o["data"] as JsonObject)?.Count ?? 0) + ((o["binaryData"] as JsonObject)?.Count ?? 0)), age],
            "ServiceAccount" => [name, Count("Secrets", o => (o["secrets"] as JsonArray)?.Count ?? 0), age],
            "Event" =>
                [LastSeen(), Path("Type", ".type"), Path("Reason", ".reason"),
                 Text("Object", o => (o["involvedObject"] ?? o["regarding"]) is { } about ? $"{about["kind"]?.ToString().ToLowerInvariant()}/{about["name"]}" : ""),
                 Text("Message", o => (o["message"] ?? o["note"])?.ToString() ?? ""), name with { Priority = 1 }],
            "Lease" => [name, Path("Holder", ".spec.holderIdentity"), age],
            "CustomResourceDefinition" => [name, Date("Created At", ".metadata.creationTimestamp", 0, "") with { Type = "date", Cell = o => o["metadata"]?["creationTimestamp"]?.DeepClone() }],
            "ValidatingWebhookConfiguration" => [name, Count("Webhooks", o => (o["webhooks"] as JsonArray)?.Count ?? 0), age],
            _ => [name, age],
        };
    }

    private TableColumn FromPrinterColumn(JsonObject column)
    {
        var type = column["type"]?.ToString() ?? "string";
        var path = column["jsonPath"]?.ToString() ?? "";
        var priority = (int)(JsonNumbers.AsLong(column["priority"]) ?? 0);
        var description = column["description"]?.ToString() ?? "";
        var format = column["format"]?.ToString() ?? "";
        return type == "date"
            ? Date(column["name"]?.ToString() ?? "", path, priority, description)
            : new TableColumn(column["name"]?.ToString() ?? "", type, format, description, priority, o => Value(o, path, type));
    }

    private static JsonNode? Value(JsonObject obj, string path, string type)
    {
        var found = SimpleJsonPath.Evaluate(obj, path);
        if (found.Count == 0) return null;
        if (type is "integer" or "number" or "boolean" && found[0] is JsonValue) return found[0].DeepClone();
        return string.Join(",", found.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : n.ToJsonString()));
    }

    private TableColumn Date(string name, string path, int priority, string description) =>
        new(name, "date", "", description, priority, o =>
        {
            var found = SimpleJsonPath.Evaluate(o, path);
            if (found.Count == 0 || !DateTimeOffset.TryParse(found[0].ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                return found.Count == 0 ? null : "<unknown>";
            }
            return HumanDuration.Format(time.GetUtcNow() - at);
        });

    /// <summary>Events: lastTimestamp, else eventTime (events.k8s.io writers), else creation, as kube prints them.</summary>
    private TableColumn LastSeen()
    {
        var columns = s_lastSeenPaths.Select(p => Date("Last Seen", p, 0, "")).ToList();
        return columns[0] with { Cell = o => columns.Select(c => c.Cell(o)).FirstOrDefault(v => v is not null) };
    }

    private static TableColumn Path(string name, string path) => new(name, "string", "", "", 0, o => Value(o, path, "string"));

    private static TableColumn Text(string name, Func<JsonObject, string> cell) => new(name, "string", "", "", 0, o => cell(o));

    private static TableColumn Count(string name, Func<JsonObject, int> count) => new(name, "integer", "", "", 0, o => count(o));
}
