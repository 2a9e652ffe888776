using System.Text.Json;
using System.Text.Json.Nodes;
using CiBridge.Sandbox.ApiServer.Http;
using Microsoft.AspNetCore.Http;

namespace CiBridge.Sandbox.ApiServer.Faults;

/// <summary>
/// Runs between authentication and routing: serves <c>/sandbox/faults</c> (GET the rules and counts,
/// POST a rule or <c>{"seed": n, "rules": […]}</c>, DELETE all rules) and applies the rules to
/// every resource request.
/// </summary>
internal sealed class FaultMiddleware(ApiFaults faults, ApiContext api)
{
    public const string AdminPath = "/sandbox/faults";

    public async Task HandleAsync(HttpContext context, Func<HttpContext, Task> next)
    {
        if (context.Request.Path.Value?.TrimEnd('/') == AdminPath)
        {
            await AdminAsync(context);
            return;
        }
        var target = FaultTarget.Of(context);
        var decision = target is null ? FaultDecision.None : faults.Decide(target);
        if (decision.Latency > TimeSpan.Zero) await Task.Delay(decision.Latency, api.Time, context.RequestAborted);
        switch (decision.Terminal?.Kind)
        {
            case ApiFaultKind.Error:
                await FaultResponses.WriteErrorAsync(context, decision.Terminal, target!);
                return;
            case ApiFaultKind.ExpireWatch:
                await FaultResponses.WriteExpiredWatchAsync(context, api.Store.ResourceVersion);
                return;
            case ApiFaultKind.CloseWatch:
                await ClosingAfterAsync(context, next, decision.CloseAfter);
                return;
            default:
                await next(context);
                return;
        }
    }

    /// <summary>The watch handler ends its stream cleanly when RequestAborted fires, as it does at timeoutSeconds.</summary>
    private async Task ClosingAfterAsync(HttpContext context, Func<HttpContext, Task> next, TimeSpan after)
    {
        using var close = new CancellationTokenSource(after, api.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, close.Token);
        context.RequestAborted = linked.Token;
        await next(context);
    }

    private async Task AdminAsync(HttpContext context)
    {
        switch (context.Request.Method)
        {
            case "GET":
                break;
            case "DELETE":
                faults.Clear();
                break;
            case "POST":
                Apply(await ReadAsync(context));
                break;
            default:
                throw StatusObjects.MethodNotAllowed();
        }
        await Responses.WriteAsync(context, 200, FaultJson.ToJson(faults));
    }

    private void Apply(JsonNode? body)
    {
        try
        {
            var (seed, rules) = FaultJson.RuleSet(body);
            if (seed is { } value) faults.Reseed(value);
            foreach (var rule in rules) faults.Add(rule);
        }
        catch (FormatException e)
        {
            throw StatusObjects.BadRequest("fault rules: " + e.Message);
        }
    }

    private static async Task<JsonNode?> ReadAsync(HttpContext context)
    {
        try
        {
            return await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        }
        catch (JsonException e)
        {
            throw StatusObjects.BadRequest("fault rules: not JSON: " + e.Message);
        }
    }
}
