using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CiBridge.Sandbox.ApiServer.Faults;

/// <summary>
/// API server fault rules as JSON (the <c>/sandbox/faults</c> body and the sandbox's fault file):
/// <c>{"kind": "Error", "verb": "create", "resource": "citasks", "probability": 0.1, "times": 3,
/// "status": 429, "retryAfterSeconds": 2, "delayMs": 200}</c>. Unknown fields and wrong types are
/// errors that name the field.
/// </summary>
internal static class FaultJson
{
    private static readonly HashSet<string> s_fields = ["kind", "verb", "resource", "probability", "times", "status", "retryAfterSeconds", "delayMs"];

    public static ApiFault Rule(JsonNode? node, string where)
    {
        if (node is not JsonObject obj) throw new FormatException($"{where}: must be an object");
        if (obj.Select(p => p.Key).FirstOrDefault(k => !s_fields.Contains(k)) is { } unknown)
        {
            throw new FormatException($"{where}.{unknown}: unknown field; known: {string.Join(", ", s_fields)}");
        }
        var kindText = Text(obj, "kind", where) ?? throw new FormatException($"{where}.kind: required ({string.Join(", ", Enum.GetNames<ApiFaultKind>())})");
        if (!Enum.TryParse<ApiFaultKind>(kindText, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
        {
            throw new FormatException($"{where}.kind: \"{kindText}\" is not one of {string.Join(", ", Enum.GetNames<ApiFaultKind>())}");
        }
        var rule = new ApiFault
        {
            Kind = kind,
            Verb = Text(obj, "verb", where),
            Resource = Text(obj, "resource", where),
            Probability = Number(obj, "probability", where) ?? 1,
            Times = Whole(obj, "times", where),
            Status = Whole(obj, "status", where) ?? 500,
            RetryAfter = TimeSpan.FromSeconds(Number(obj, "retryAfterSeconds", where) ?? 1),
            Delay = TimeSpan.FromMilliseconds(Number(obj, "delayMs", where) ?? 1000),
        };
        try
        {
            rule.Validate();
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"{where}: {e.Message}", e);
        }
        return rule;
    }

    /// <summary><c>{"seed": n, "rules": […]}</c> or one rule; every rule is checked before any is used.</summary>
    public static (int? Seed, IReadOnlyList<ApiFault> Rules) RuleSet(JsonNode? node)
    {
        if (node is not JsonObject obj || !obj.ContainsKey("rules")) return (null, [Rule(node, "rule")]);
        if (obj.Select(p => p.Key).FirstOrDefault(k => k is not ("rules" or "seed")) is { } unknown)
        {
            throw new FormatException($"{unknown}: unknown field; known: seed, rules");
        }
        var rules = obj["rules"] as JsonArray ?? throw new FormatException("rules: must be a list");
        return (Whole(obj, "seed", ""), rules.Select((r, i) => Rule(r, $"rules[{i}]")).ToList());
    }

    public static JsonObject ToJson(ApiFault rule) => new()
    {
        ["kind"] = rule.Kind.ToString(),
        ["verb"] = rule.Verb,
        ["resource"] = rule.Resource,
        ["probability"] = rule.Probability,
        ["times"] = rule.Times,
        ["status"] = rule.Status,
        ["retryAfterSeconds"] = rule.RetryAfter.TotalSeconds,
        ["delayMs"] = rule.Delay.TotalMilliseconds,
    };

    public static JsonObject ToJson(ApiFaults faults) => new()
    {
        ["seed"] = faults.Seed,
        ["rules"] = new JsonArray(faults.Rules.Select(r => (JsonNode)ToJson(r)).ToArray()),
        ["injected"] = new JsonObject(faults.Injected.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
    };

    private static int? Whole(JsonObject obj, string name, string where) => Number(obj, name, where) switch
    {
        null => null,
        var n when n == Math.Floor(n.Value) && n is >= int.MinValue and <= int.MaxValue => (int)n.Value,
        _ => throw new FormatException($"{Field(where, name)}: must be a whole number"),
    };

    private static string Field(string where, string name) => where.Length == 0 ? name : $"{where}.{name}";

    private static string? Text(JsonObject obj, string name, string where) => obj[name] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => throw new FormatException($"{Field(where, name)}: must be a string"),
    };

    private static double? Number(JsonObject obj, string name, string where) => obj[name] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.GetValue<double>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.String && double.TryParse(v.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => throw new FormatException($"{Field(where, name)}: must be a number"),
    };
}
