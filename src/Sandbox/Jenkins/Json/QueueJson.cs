using System.Text.Json.Nodes;
using CiBridge.Sandbox.Jenkins.Model;

namespace CiBridge.Sandbox.Jenkins.Json;

/// <summary>The JSON of queue items (<c>Queue$WaitingItem</c>, <c>$BlockedItem</c>, <c>$BuildableItem</c>, <c>$LeftItem</c>).</summary>
internal static class QueueJson
{
    public static JsonObject Queue(JsonContext context) => new()
    {
        ["_class"] = "hudson.model.Queue",
        ["discoverableItems"] = new JsonArray(),
        ["items"] = new JsonArray(context.World.Queued.Select(q => (JsonNode)Item(q, context)).ToArray()),
    };

    public static JsonObject Item(QueueEntry item, JsonContext context)
    {
        var actions = new JsonArray();
        if (item.Job.IsParameterized) actions.Add(BuildJson.ParametersAction(item.Job, item.Parameters));
        actions.Add(BuildJson.CauseAction(item.Causes));
        var json = new JsonObject
        {
            ["_class"] = "hudson.model.Queue$" + item.State + "Item",
            ["actions"] = actions,
            ["blocked"] = item.State == QueueState.Blocked,
            ["buildable"] = item.State == QueueState.Buildable,
            ["id"] = item.Id,
            ["inQueueSince"] = item.InQueueSince.ToUnixTimeMilliseconds(),
            ["params"] = Params(item),
            ["stuck"] = false,
            ["task"] = JobJson.Summary(item.Job, context.Root),
            ["url"] = "queue/item/" + item.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/",
            ["why"] = item.Why,
        };
        switch (item.State)
        {
            case QueueState.Waiting:
                json["timestamp"] = item.DueAt.ToUnixTimeMilliseconds();
                break;
            case QueueState.Blocked:
            case QueueState.Buildable:
                json["buildableStartMilliseconds"] = (item.BuildableSince ?? item.DueAt).ToUnixTimeMilliseconds();
                if (item.State == QueueState.Buildable) json["pending"] = false;
                break;
            default:
                json["cancelled"] = item.Cancelled;
                json["executable"] = item.Executable is { } b ? BuildJson.Summary(b, context.Root) : null;
                break;
        }
        return json;
    }

    private static string Params(QueueEntry item) => string.Concat(item.Job.Parameters
        .Where(p => item.Parameters.ContainsKey(p.Name))
        .Select(p => "\n" + p.Name + "=" + (p.Kind == ParameterKind.Password ? "****" : item.Parameters[p.Name])));
}
