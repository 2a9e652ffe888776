using CiBridge.Sandbox.Jenkins.Faults;
using CiBridge.Sandbox.Jenkins.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace CiBridge.Sandbox.Jenkins.Http;

/// <summary>
/// The request pipeline, in Jenkins' filter order: faults (a proxy in front), path prefix,
/// authentication (401), CSRF crumb on POST (403), then the routes with their permission checks.
/// </summary>
internal sealed class StandInRequestHandler(JenkinsWorld world, SecurityGate security, FaultPlan faults, ControlRoutes control)
{
    private readonly RootRoutes _routes = new(security);
    private readonly ReplyWriter _writer = new(new Responses(world.Options, Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()[..4])));

    public async Task HandleAsync(HttpContext context)
    {
        var prefix = world.Options.PathPrefix.TrimEnd('/');
        var path = context.Request.Path.Value ?? "/";
        if (path.StartsWith("/__standin/", StringComparison.Ordinal))
        {
            await control.HandleAsync(context, path["/__standin/".Length..]);
            return;
        }
        if (!HasRequiredHeaders(context))
        {
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = "https://cibridge.cloudflareaccess.com/cdn-cgi/access/login/" + context.Request.Host;
            return;
        }
        var fault = faults.Next(path, context.Request.Method);
        if (fault is not null && !await FaultHandlers.BeforeAsync(context, fault, world.Options))
        {
            return;
        }
        if (!path.StartsWith(prefix + "/", StringComparison.Ordinal))
        {
            await _writer.WriteAsync(context, Reply.NotFound());
            return;
        }
        if (fault?.Kind == FaultKind.ForgetQueueItem) ForgetQueueItem(path);
        var form = await ReadFormAsync(context);
        var reply = Decide(context, path[prefix.Length..], form);
        if (fault is { AfterHandling: true })
        {
            await FaultHandlers.AfterAsync(context, fault, world.Options);
            return;
        }
        await _writer.WriteAsync(context, reply);
    }

    private Reply Decide(HttpContext context, string path, IReadOnlyDictionary<string, StringValues> form)
    {
        lock (world.Gate)
        {
            world.Tick();
            var caller = security.Authenticate(context);
            if (caller is null) return Reply.Unauthorized();
            if (HttpMethods.IsPost(context.Request.Method) && !security.CrumbValid(context, caller)) return Reply.NoValidCrumb();
            var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var request = new StandInRequest(context, caller, segments, form, RequestBase(context), world);
            return _routes.Handle(request);
        }
    }

    private void ForgetQueueItem(string path)
    {
        lock (world.Gate) world.ForgetLeftItems(FaultPlan.QueueItemId(path));
    }

    private bool HasRequiredHeaders(HttpContext context) => world.Options.RequiredHeaders.All(
        h => context.Request.Headers.TryGetValue(h.Key, out var value) && value.ToString() == h.Value);

    private string RequestBase(HttpContext context) =>
        $"{context.Request.Scheme}://{context.Request.Host}{world.Options.PathPrefix.TrimEnd('/')}/";

    private static async Task<IReadOnlyDictionary<string, StringValues>> ReadFormAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.HasFormContentType)
        {
            return new Dictionary<string, StringValues>();
        }
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        return form.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
    }
}
