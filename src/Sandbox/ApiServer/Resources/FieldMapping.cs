using System.Text.Json.Nodes;

namespace CiBridge.Sandbox.ApiServer.Resources;

/// <summary>Renames top-level fields between two shapes of one stored kind (Forward: view → storage).</summary>
internal sealed class FieldMapping(IReadOnlyList<(string View, string Stored)> pairs)
{
    /// <summary>events.k8s.io/v1 Event ↔ core/v1 Event, as kube's conversion maps them.</summary>
    public static FieldMapping EventsV1ToCore { get; } = new(
    [
        ("regarding", "involvedObject"),
        ("note", "message"),
        ("reportingController", "reportingComponent"),
        ("deprecatedSource", "source"),
        ("deprecatedFirstTimestamp", "firstTimestamp"),
        ("deprecatedLastTimestamp", "lastTimestamp"),
        ("deprecatedCount", "count"),
    ]);

    public JsonObject Forward(JsonObject view, string apiVersion, string kind) => Rename(view, apiVersion, kind, forward: true);

    public JsonObject Reverse(JsonObject stored, string apiVersion, string kind) => Rename(stored, apiVersion, kind, forward: false);

    private JsonObject Rename(JsonObject source, string apiVersion, string kind, bool forward)
    {
        var result = new JsonObject();
        foreach (var (key, value) in source)
        {
            var pair = pairs.FirstOrDefault(p => (forward ? p.View : p.Stored) == key);
            var name = pair == default ? key : forward ? pair.Stored : pair.View;
            result[name] = value?.DeepClone();
        }
        result["apiVersion"] = apiVersion;
        result["kind"] = kind;
        return result;
    }
}
