using System.Text.Json.Nodes;
using CiBridge.Sandbox.Jenkins.Faults;
using CiBridge.Sandbox.Jenkins.Model;
using Microsoft.AspNetCore.Http;

namespace CiBridge.Sandbox.Jenkins.Http;

/// <summary>
/// The HTTP control API under <c>/__standin/</c> (not part of Jenkins): <c>GET builds</c>,
/// <c>POST jobs/behavior</c> {job, durationSeconds, result, console[]}, <c>POST faults</c>
/// {kind, pathContains, method, times}, <c>DELETE faults</c>.
/// </summary>
internal sealed class ControlRoutes(JenkinsStandIn standIn)
{
    public async Task HandleAsync(HttpContext context, string path)
    {
        var method = context.Request.Method;
        JsonNode? body = null;
        if (HttpMethods.IsPost(method)) body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var (status, reply) = (method, path.TrimEnd('/')) switch
        {
            ("GET", "builds") => (200, (JsonNode?)Builds()),
            ("POST", "jobs/behavior") => SetBehavior(body),
            ("POST", "faults") => AddFault(body),
            ("DELETE", "faults") => Clear(),
            _ => (404, new JsonObject { ["error"] = "unknown control path " + path }),
        };
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        if (reply is not null) await context.Response.WriteAsync(reply.ToJsonString(), context.RequestAborted);
    }

    private JsonArray Builds() => new(standIn.ReceivedBuilds().Select(b => (JsonNode)new JsonObject
    {
        ["job"] = b.JobPath,
        ["number"] = b.Number,
        ["queueId"] = b.QueueId,
        ["result"] = b.Result,
        ["parameters"] = new JsonObject(b.Parameters.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
        ["triggeredBy"] = new JsonArray(b.TriggeredBy.Select(t => (JsonNode?)t).ToArray()),
    }).ToArray());

    private (int, JsonNode?) SetBehavior(JsonNode? body)
    {
        var job = body?["job"]?.GetValue<string>();
        if (job is null) return (400, new JsonObject { ["error"] = "job is required" });
        var lines = body?["console"] is JsonArray console ? console.Select(l => l?.ToString() ?? "").ToList() : null;
        var behavior = new JobBehavior(
            TimeSpan.FromSeconds(body?["durationSeconds"]?.GetValue<double>() ?? 1),
            body?["result"]?.GetValue<string>() ?? "SUCCESS",
            lines);
        return standIn.SetBehavior(job, behavior) ? (204, null) : (404, new JsonObject { ["error"] = "no such job " + job });
    }

    private (int, JsonNode?) AddFault(JsonNode? body)
    {
        if (!Enum.TryParse<FaultKind>(body?["kind"]?.GetValue<string>(), ignoreCase: true, out var kind))
        {
            return (400, new JsonObject { ["error"] = "kind must be one of " + string.Join(", ", Enum.GetNames<FaultKind>()) });
        }
        standIn.InjectFault(new StandInFault(
            kind,
            body?["pathContains"]?.GetValue<string>(),
            body?["method"]?.GetValue<string>(),
            body?["times"]?.GetValue<int>(),
            TimeSpan.FromMilliseconds(body?["latencyMs"]?.GetValue<double>() ?? 0)));
        return (204, null);
    }

    private (int, JsonNode?) Clear()
    {
        standIn.ClearFaults();
        return (204, null);
    }
}
