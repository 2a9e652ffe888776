using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CiBridge.TestKit;

namespace CiBridge.Operator.Tests.Health;

/// <summary>
/// Status objects as the controllers write them (TaskStatusSummary, RunVerdict, EndpointStatusUpdate):
/// queued, running, succeeded, failed, timed out, stalled, endpoint not ready, deleted endpoint, …
/// </summary>
internal static class StatusFixtures
{
    public static JsonNode Load(string name) =>
        JsonNode.Parse(File.ReadAllText(RepositoryPaths.Combine("tests", "Operator.Tests", "Health", "Fixtures", name + ".json")))!;

    /// <summary>The object as a Lua table constructor, the shape Argo CD hands its health scripts as <c>obj</c>.</summary>
    public static string ToLua(JsonNode? node) => node switch
    {
        null => "nil",
        JsonObject o => "{" + string.Join(", ", o.Select(p => $"[{Quote(p.Key)}] = {ToLua(p.Value)}")) + "}",
        JsonArray a => "{" + string.Join(", ", a.Select(ToLua)) + "}",
        JsonValue v when v.TryGetValue<string>(out var s) => Quote(s),
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
        _ => node.GetValue<double>().ToString(CultureInfo.InvariantCulture),
    };

    private static string Quote(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in text) quoted.Append(c is '"' or '\\' ? "\\" + c : c == '\n' ? "\\n" : c.ToString());
        return quoted.Append('"').ToString();
    }
}
