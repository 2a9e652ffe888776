using System.Globalization;
using CiBridge.Sandbox.ApiServer.Http;
using Microsoft.AspNetCore.Http;

namespace CiBridge.Sandbox.ApiServer.Faults;

/// <summary>A request as fault rules see it: kube verb, resource (<c>citasks</c> or <c>citasks/status</c>), its group and name, watch resumption.</summary>
internal sealed record FaultTarget(string Verb, string Resource, string Group, string? Name, bool ResumesWatch)
{
    /// <summary>Null for requests that address no resource (discovery, OpenAPI, <c>/sandbox/…</c>).</summary>
    public static FaultTarget? Of(HttpContext context)
    {
        var s = (context.Request.Path.Value ?? "").Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var target = s switch
        {
            ["api", "v1", .. var rest] => ResourcePath.Parse("", "v1", rest),
            ["apis", var group, var version, .. var rest] => ResourcePath.Parse(group, version, rest),
            _ => null,
        };
        if (target is null) return null;
        var verb = ApiRouter.Verb(context, context.Request.Method, target.Name is not null);
        var resource = target.Subresource is null ? target.Resource : $"{target.Resource}/{target.Subresource}";
        return new FaultTarget(verb, resource, target.Group, target.Name, verb == "watch" && Resumes(context));
    }

    /// <summary>A watch from a concrete resourceVersion (not "", "0" or with initial events) picks up where an earlier one ended.</summary>
    private static bool Resumes(HttpContext context)
    {
        var version = Negotiation.Query(context, "resourceVersion");
        return !Negotiation.Flag(context, "sendInitialEvents")
            && long.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var rv) && rv > 0;
    }
}
