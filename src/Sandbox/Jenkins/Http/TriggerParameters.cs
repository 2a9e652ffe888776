using System.Text.Json.Nodes;
using CiBridge.Sandbox.Jenkins.Model;
using Microsoft.Extensions.Primitives;

namespace CiBridge.Sandbox.Jenkins.Http;

/// <summary>
/// Parameter values of a trigger, as ParametersDefinitionProperty reads them: from the query string
/// and urlencoded form (<c>buildWithParameters</c>) or the <c>json</c> form field (<c>build</c>);
/// defaults fill the gaps, undefined names are dropped.
/// </summary>
internal static class TriggerParameters
{
    /// <summary>Returns the values, or an error message (Jenkins answers 500).</summary>
    public static (IReadOnlyDictionary<string, string>? Values, string? Error) FromRequest(JenkinsItem job, StandInRequest request)
    {
        var supplied = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (name, values) in request.Http.Request.Query) Add(supplied, name, values);
        foreach (var (name, values) in request.Form) Add(supplied, name, values);
        return Resolve(job, supplied);
    }

    public static (IReadOnlyDictionary<string, string>? Values, string? Error) FromJsonField(JenkinsItem job, string json)
    {
        var supplied = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        try
        {
            var parameter = JsonNode.Parse(json)?["parameter"];
            var entries = parameter is JsonArray array ? array.ToList() : [parameter];
            foreach (var entry in entries.OfType<JsonObject>())
            {
                Add(supplied, entry["name"]?.ToString() ?? "", [entry["value"]?.ToString() ?? ""]);
            }
        }
        catch (System.Text.Json.JsonException e)
        {
            return (null, e.Message);
        }
        return Resolve(job, supplied);
    }

    private static (IReadOnlyDictionary<string, string>? Values, string? Error) Resolve(JenkinsItem job, Dictionary<string, List<string>> supplied)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var definition in job.Parameters)
        {
            if (!supplied.TryGetValue(definition.Name, out var given))
            {
                values[definition.Name] = definition.EffectiveDefault;
                continue;
            }
            if (given.Count > 1) return (null, $"java.lang.IllegalArgumentException: Parameter {definition.Name} was given {given.Count} times");
            var value = given[0];
            if (definition.Kind == ParameterKind.Choice && !(definition.Choices ?? []).Contains(value))
            {
                return (null, $"java.lang.IllegalArgumentException: Illegal choice for parameter {definition.Name}: {value}");
            }
            if (definition.Kind == ParameterKind.Boolean) value = string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) ? "true" : "false";
            values[definition.Name] = value;
        }
        return (values, null);
    }

    private static void Add(Dictionary<string, List<string>> supplied, string name, IEnumerable<string?> values)
    {
        if (name is "delay" or "token" or "Jenkins-Crumb" or "json" or "Submit") return;
        if (!supplied.TryGetValue(name, out var list)) supplied[name] = list = [];
        list.AddRange(values.Select(v => v ?? ""));
    }

    private static void Add(Dictionary<string, List<string>> supplied, string name, StringValues values) =>
        Add(supplied, name, (IEnumerable<string?>)values);

    /// <summary>TimeDuration.fromString: "10sec" is seconds, a bare number milliseconds.</summary>
    public static TimeSpan? Delay(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var trimmed = text.Trim();
        var seconds = trimmed.EndsWith("secs", StringComparison.Ordinal) ? trimmed[..^4]
            : trimmed.EndsWith("sec", StringComparison.Ordinal) ? trimmed[..^3] : null;
        var number = long.TryParse(seconds ?? trimmed, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;
        return seconds is not null ? TimeSpan.FromSeconds(number) : TimeSpan.FromMilliseconds(number);
    }
}
