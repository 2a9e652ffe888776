using System.Text.Json.Nodes;
using CiBridge.Sandbox.ApiServer.Storage;

namespace CiBridge.Sandbox.ApiServer.Builtins;

/// <summary>
/// kube's Event validation on the stored (core/v1) shape. Every write gets the legacy rules: without
/// <c>eventTime</c> the involved object's namespace must be the Event's (an Event about a cluster-scoped
/// object lives in <c>default</c>); with <c>eventTime</c> the reporting controller, instance, action and
/// reason are required and bounded. Creates through events.k8s.io/v1 also get the strict rules.
/// Field paths are kube's internal names (<c>involvedObject</c>, <c>reportingController</c>) whichever API was used.
/// </summary>
internal static class EventRules
{
    private const int ShortLimit = 128;
    private const int NoteLimit = 1024;

    public static IEnumerable<(string, string, string)> Validate(JsonObject stored, bool strictCreate)
    {
        var errors = new List<(string, string, string)>();
        var eventNs = ObjectMeta.String(stored, "namespace") ?? "";
        var involvedNs = Text(stored["involvedObject"]?["namespace"]);
        var hasEventTime = Text(stored["eventTime"]).Length > 0;
        var mismatch = hasEventTime
            ? involvedNs.Length == 0 && eventNs is not ("default" or "kube-system")
            : involvedNs.Length == 0 ? eventNs is not ("" or "default") : involvedNs != eventNs;
        if (mismatch) errors.Add(Causes.Invalid("involvedObject.namespace", involvedNs, "does not match event.namespace"));
        if (hasEventTime) errors.AddRange(Reporting(stored));
        if (strictCreate) errors.AddRange(Strict(stored, hasEventTime));
        return errors;
    }

    private static IEnumerable<(string, string, string)> Reporting(JsonObject stored)
    {
        var controller = Text(stored["reportingComponent"]);
        if (controller.Length == 0) yield return Causes.Required("reportingController");
        foreach (var error in NameValidationCauses.QualifiedName("reportingController", controller)) yield return error;
        foreach (var error in Bounded(stored, "reportingInstance", "reportingInstance", ShortLimit, required: true)) yield return error;
        foreach (var error in Bounded(stored, "action", "action", ShortLimit, required: true)) yield return error;
        foreach (var error in Bounded(stored, "reason", "reason", ShortLimit, required: true)) yield return error;
        foreach (var error in Bounded(stored, "message", "message", NoteLimit, required: false)) yield return error;
    }

    private static IEnumerable<(string, string, string)> Bounded(JsonObject stored, string key, string field, int limit, bool required)
    {
        var value = Text(stored[key]);
        if (required && value.Length == 0) yield return Causes.Required(field);
        if (System.Text.Encoding.UTF8.GetByteCount(value) > limit) yield return Causes.Invalid(field, "", $"can have at most {limit} characters");
    }

    /// <summary>events.k8s.io/v1 creates: a series of at least two, a time, a known type, and none of the deprecated core fields.</summary>
    private static IEnumerable<(string, string, string)> Strict(JsonObject stored, bool hasEventTime)
    {
        if (stored["series"] is JsonObject series)
        {
            if ((JsonNumbers.AsLong(series["count"]) ?? 0) < 2) yield return Causes.Invalid("series.count", "", "should be at least 2");
            if (Text(series["lastObservedTime"]).Length == 0) yield return Causes.Required("series.lastObservedTime");
        }
        if (!hasEventTime) yield return Causes.Required("eventTime");
        var type = Text(stored["type"]);
        if (type is not ("Normal" or "Warning")) yield return Causes.Invalid("type", "", $"has invalid value: {type}");
        if (Text(stored["firstTimestamp"]).Length > 0) yield return Causes.Invalid("firstTimestamp", "", "needs to be unset");
        if (Text(stored["lastTimestamp"]).Length > 0) yield return Causes.Invalid("lastTimestamp", "", "needs to be unset");
        if ((JsonNumbers.AsLong(stored["count"]) ?? 0) != 0) yield return Causes.Invalid("count", "", "needs to be unset");
        if (Text(stored["source"]?["component"]).Length > 0 || Text(stored["source"]?["host"]).Length > 0)
        {
            yield return Causes.Invalid("source", "", "needs to be unset");
        }
    }

    private static string Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : "";
}
