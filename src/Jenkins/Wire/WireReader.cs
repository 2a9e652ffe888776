using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CiBridge.Jenkins.Errors;
using CiBridge.Jenkins.Models;

namespace CiBridge.Jenkins.Wire;

/// <summary>Reads Jenkins' JSON into the client's records; unknown fields are ignored.</summary>
internal static class WireReader
{
    public static JsonNode Parse(string body, string what)
    {
        try
        {
            return JsonNode.Parse(body) ?? throw new JsonException("empty document");
        }
        catch (JsonException e)
        {
            throw new JenkinsException(JenkinsErrorKind.NotJenkins, $"{what.Split('?')[0]}: the answer is not Jenkins JSON", inner: e);
        }
    }

    /// <summary>Parses and maps an answer; an answer of the wrong shape (an array where an object
    /// belongs, a number out of range) is a classified error, never a stray exception.</summary>
    public static T Read<T>(string body, string what, Func<JsonNode, T> map)
    {
        var json = Parse(body, what);
        try
        {
            return map(json);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or OverflowException or ArgumentException)
        {
            throw new JenkinsException(JenkinsErrorKind.NotJenkins, $"{what.Split('?')[0]}: the answer does not have the shape of Jenkins JSON ({e.GetType().Name})", inner: e);
        }
    }

    /// <summary>A property of an object; null for anything else (Jenkins JSON may be odd, but must not throw).</summary>
    public static JsonNode? Property(JsonNode? node, string name) => node is JsonObject obj ? obj[name] : null;

    public static JenkinsJob Job(JsonNode json) => new(
        Text(json, "fullName") ?? "",
        ToUri(Text(json, "url")) ?? throw new FormatException("a job without a url"),
        Text(json, "_class") ?? "",
        Property(json, "buildable")?.GetValueKind() == JsonValueKind.True,
        Definitions(json).ToList(),
        Int(Property(json, "nextBuildNumber")) ?? 1,
        Int(Property(Property(json, "lastBuild"), "number")),
        Property(json, "inQueue")?.GetValueKind() == JsonValueKind.True);

    public static QueueItem QueueItem(JsonNode json)
    {
        var cls = Text(json, "_class") ?? "";
        var cancelled = Property(json, "cancelled")?.GetValueKind() == JsonValueKind.True;
        var state = cls switch
        {
            _ when cls.EndsWith("$LeftItem", StringComparison.Ordinal) => cancelled ? QueueItemState.Cancelled : QueueItemState.Started,
            _ when cls.EndsWith("$BlockedItem", StringComparison.Ordinal) => QueueItemState.Blocked,
            _ when cls.EndsWith("$BuildableItem", StringComparison.Ordinal) => QueueItemState.Buildable,
            _ => QueueItemState.Waiting,
        };
        var executable = Property(json, "executable");
        return new QueueItem(
            Long(Property(json, "id")) ?? throw new FormatException("a queue item without an id"), state, Text(json, "why"), Int(Property(executable, "number")), ToUri(Text(executable, "url")), Text(Property(json, "task"), "name"));
    }

    public static BuildInfo Build(JsonNode json)
    {
        var actions = Property(json, "actions") as JsonArray ?? [];
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var parameter in actions.SelectMany(a => Property(a, "parameters") as JsonArray ?? []).OfType<JsonObject>())
        {
            if (Text(parameter, "name") is { } name) parameters[name] = ValueText(parameter["value"]) ?? "";
        }
        var revision = actions.Select(a => Text(Property(a, "lastBuiltRevision"), "SHA1")).FirstOrDefault(r => r is not null);
        var estimate = Long(Property(json, "estimatedDuration"));
        return new BuildInfo(
            Int(Property(json, "number")) ?? throw new FormatException("a build without a number"),
            Long(Property(json, "queueId")),
            Property(json, "building")?.GetValueKind() == JsonValueKind.True,
            Text(json, "result"),
            TimeSpan.FromMilliseconds(Long(Property(json, "duration")) ?? 0),
            DateTimeOffset.FromUnixTimeMilliseconds(Long(Property(json, "timestamp")) ?? 0),
            estimate is > 0 ? TimeSpan.FromMilliseconds(estimate.Value) : null,
            ToUri(Text(json, "url")),
            parameters,
            revision);
    }

    /// <summary>A queue item or build as a trigger candidate; null without an id or a time (nothing to match on).</summary>
    public static TriggeredRun? Triggered(JsonObject node, long? queueId, int? build, long? sinceMs)
    {
        if (queueId is null || sinceMs is null) return null;
        var actions = Property(node, "actions") as JsonArray ?? [];
        var users = actions.SelectMany(a => Property(a, "causes") as JsonArray ?? [])
            .Select(c => Text(c, "userId")).OfType<string>().ToList();
        var parameters = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var parameter in actions.SelectMany(a => Property(a, "parameters") as JsonArray ?? []).OfType<JsonObject>())
        {
            if (Text(parameter, "name") is { } name) parameters[name] = ValueText(parameter["value"]);
        }
        return new TriggeredRun(queueId.Value, build, DateTimeOffset.FromUnixTimeMilliseconds(sinceMs.Value), users, parameters);
    }

    public static string? Text(JsonNode? node, string property) =>
        node is JsonObject obj && obj[property] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    public static Uri? ToUri(string? text) => Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri : null;

    private static IEnumerable<JobParameter> Definitions(JsonNode json)
    {
        var properties = (Property(json, "property") as JsonArray ?? []).Concat(Property(json, "actions") as JsonArray ?? []);
        var definitions = properties.Select(p => Property(p, "parameterDefinitions")).OfType<JsonArray>().FirstOrDefault() ?? [];
        return definitions.OfType<JsonObject>().Select(d => new JobParameter(
            Text(d, "name") ?? "",
            Text(d, "type") ?? Text(d, "_class") ?? "",
            ValueText(Property(d["defaultParameterValue"], "value")),
            (d["choices"] as JsonArray ?? []).Select(c => c?.ToString() ?? "").ToList(),
            Text(d, "description")));
    }

    private static string? ValueText(JsonNode? value) => value switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValueKind() == JsonValueKind.True ? "true" : "false",
        _ => value.ToJsonString(),
    };

    public static long? Long(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<long>(out var n) ? n : null;

    public static int? Int(JsonNode? node) => Long(node) is { } n and >= int.MinValue and <= int.MaxValue ? (int)n : null;

    public static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
