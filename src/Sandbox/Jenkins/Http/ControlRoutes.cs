using System.Text.Json.Nodes;
using CiBridge.Sandbox.Jenkins.Faults;
using CiBridge.Sandbox.Jenkins.Model;
using Microsoft.AspNetCore.Http;

namespace CiBridge.Sandbox.Jenkins.Http;

/// <summary>
/// The HTTP control API under <c>/__standin/</c> (not part of Jenkins), for tests in another process:
/// <c>GET builds</c>; <c>POST users</c> {id, password, token, fullName, canBuild, canRead};
/// <c>POST users/revoke-token</c> {id, token}; <c>POST jobs</c> {job, kind, parameters[{name, kind,
/// default, choices}], durationSeconds, result, console[], gitRevision}; <c>POST jobs/behavior</c>
/// {job, durationSeconds, result, console[], gitRevision}; <c>POST jobs/disabled</c> {job, disabled};
/// <c>POST faults</c> {kind, pathContains, method, times, latencyMs, probability}; <c>DELETE faults</c>;
/// <c>GET faults</c> (seed and faults dealt by kind); <c>POST faults/seed</c> {seed};
/// <c>POST queue/forget</c> (forget the items that left the queue, as a restart does).
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
            ("POST", "users") => AddUser(body),
            ("POST", "users/revoke-token") => RevokeToken(body),
            ("POST", "jobs") => AddJob(body),
            ("POST", "jobs/behavior") => SetBehavior(body),
            ("POST", "jobs/disabled") => Done(standIn.SetDisabled(Text(body, "job") ?? "", body?["disabled"]?.GetValue<bool>() ?? true)),
            ("POST", "faults") => AddFault(body),
            ("DELETE", "faults") => Clear(),
            ("GET", "faults") => (200, Faults()),
            ("POST", "faults/seed") => Reseed(body),
            ("POST", "queue/forget") => (200, new JsonObject { ["forgotten"] = standIn.ForgetLeftQueueItems() }),
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

    private (int, JsonNode?) AddUser(JsonNode? body)
    {
        if (Text(body, "id") is not { } id) return Missing("id");
        standIn.AddUser(id, Text(body, "password"), Text(body, "token"), Text(body, "fullName"), body?["canBuild"]?.GetValue<bool>() ?? true, body?["canRead"]?.GetValue<bool>() ?? true);
        return (204, null);
    }

    private (int, JsonNode?) RevokeToken(JsonNode? body)
    {
        if (Text(body, "id") is not { } id || Text(body, "token") is not { } token) return Missing("id and token");
        standIn.RevokeApiToken(id, token);
        return (204, null);
    }

    private (int, JsonNode?) AddJob(JsonNode? body)
    {
        if (Text(body, "job") is not { } job) return Missing("job");
        var parameters = (body?["parameters"] as JsonArray ?? []).OfType<JsonObject>().Select(p => new StandInParameter(
            Text(p, "name") ?? "",
            Enum.TryParse<ParameterKind>(Text(p, "kind"), ignoreCase: true, out var kind) ? kind : ParameterKind.Text,
            Text(p, "default"),
            (p["choices"] as JsonArray)?.Select(c => c?.ToString() ?? "").ToList()));
        var jobKind = Enum.TryParse<JobKind>(Text(body, "kind"), ignoreCase: true, out var k) ? k : JobKind.Freestyle;
        standIn.AddJob(job, parameters.ToList(), Behavior(body!), jobKind);
        return (204, null);
    }

    private (int, JsonNode?) SetBehavior(JsonNode? body) =>
        Text(body, "job") is { } job ? Done(standIn.SetBehavior(job, Behavior(body!))) : Missing("job");

    private static JobBehavior Behavior(JsonNode body) => new(
        TimeSpan.FromSeconds(body["durationSeconds"]?.GetValue<double>() ?? 1),
        Text(body, "result") ?? "SUCCESS",
        body["console"] is JsonArray console ? console.Select(l => l?.ToString() ?? "").ToList() : JobBehavior.Default.ConsoleLines,
        Text(body, "gitRevision"));

    private static string? Text(JsonNode? body, string name) => body?[name]?.GetValue<string>();

    private static (int, JsonNode?) Done(bool found) => found ? (204, null) : (404, new JsonObject { ["error"] = "no such job" });

    private static (int, JsonNode?) Missing(string what) => (400, new JsonObject { ["error"] = what + " is required" });

    private (int, JsonNode?) AddFault(JsonNode? body)
    {
        if (!Enum.TryParse<FaultKind>(body?["kind"]?.GetValue<string>(), ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
        {
            return (400, new JsonObject { ["error"] = "kind must be one of " + string.Join(", ", Enum.GetNames<FaultKind>()) });
        }
        try
        {
            standIn.InjectFault(new StandInFault(
                kind,
                body?["pathContains"]?.GetValue<string>(),
                body?["method"]?.GetValue<string>(),
                body?["times"]?.GetValue<int>(),
                TimeSpan.FromMilliseconds(body?["latencyMs"]?.GetValue<double>() ?? 0),
                body?["probability"]?.GetValue<double>() ?? 1));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException)
        {
            return (400, new JsonObject { ["error"] = "fault: " + e.Message });
        }
        return (204, null);
    }

    private JsonObject Faults() => new()
    {
        ["injected"] = new JsonObject(standIn.InjectedFaults.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
    };

    private (int, JsonNode?) Reseed(JsonNode? body)
    {
        if (body?["seed"] is not JsonValue seed || !seed.TryGetValue<int>(out var value)) return Missing("seed (a whole number)");
        standIn.ReseedFaults(value);
        return (204, null);
    }

    private (int, JsonNode?) Clear()
    {
        standIn.ClearFaults();
        return (204, null);
    }
}
