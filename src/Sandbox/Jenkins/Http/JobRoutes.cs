using System.Globalization;
using CiBridge.Sandbox.Jenkins.Json;
using CiBridge.Sandbox.Jenkins.Model;

namespace CiBridge.Sandbox.Jenkins.Http;

/// <summary>Routes under <c>/job/a/job/b/…</c>: item JSON, build triggers, then builds.</summary>
internal static class JobRoutes
{
    public const string BuildPermission = "hudson.model.Item.Build";

    public static Reply Handle(StandInRequest request)
    {
        var segments = request.Segments;
        var item = request.World.Root;
        var index = 0;
        while (index + 1 < segments.Count && segments[index] == "job")
        {
            if (!item.IsFolder || !item.Children.TryGetValue(Uri.UnescapeDataString(segments[index + 1]), out var child)) return Reply.NotFound();
            item = child;
            index += 2;
        }
        var rest = segments.Skip(index).ToList();
        return rest switch
        {
            [] => Reply.Page(item.FullDisplayName),
            ["api", "json"] => request.Json(JobJson.Item(item, request.JsonContext)),
            ["build"] when !item.IsFolder => Build(request, item),
            ["buildWithParameters"] when !item.IsFolder => BuildWithParameters(request, item),
            [var build, .. var tail] when !item.IsFolder => BuildRoutes.Handle(request, item, build, tail),
            _ => Reply.NotFound(),
        };
    }

    private static Reply Build(StandInRequest request, JenkinsItem job)
    {
        if (Refusal(request, job) is { } refusal) return refusal;
        if (!request.IsPost) return job.IsParameterized ? Reply.Page(job.FullDisplayName + " [Build with Parameters]") : Reply.PostOnly();
        IReadOnlyDictionary<string, string> values = new Dictionary<string, string>();
        if (job.IsParameterized)
        {
            if (!request.Form.TryGetValue("json", out var json))
            {
                return Reply.Jetty(400, request.Form.Count == 0 ? "Nothing is submitted" : "This page expects a form submission");
            }
            var (parsed, error) = TriggerParameters.FromJsonField(job, json.ToString());
            if (parsed is null) return Reply.Oops(500, error!);
            values = parsed;
        }
        var (item, _) = Schedule(request, job, values);
        return Reply.Redirect(201, Location(request, item));
    }

    private static Reply BuildWithParameters(StandInRequest request, JenkinsItem job)
    {
        if (Refusal(request, job) is { } refusal) return refusal;
        if (!request.IsPost) return Reply.PostOnly();
        if (!job.IsParameterized) return Reply.Oops(500, "java.lang.IllegalStateException: This build is not parameterized!");
        var (values, error) = TriggerParameters.FromRequest(job, request);
        if (values is null) return Reply.Oops(500, error!);
        var (item, coalesced) = Schedule(request, job, values);
        return Reply.Redirect(coalesced ? 303 : 201, Location(request, item));
    }

    private static Reply? Refusal(StandInRequest request, JenkinsItem job)
    {
        if (!request.CanBuild) return Reply.Forbidden(request.Caller, BuildPermission);
        return job.Disabled ? Reply.Oops(409, $"{job.FullName} is not buildable") : null;
    }

    private static (QueueEntry Item, bool Coalesced) Schedule(StandInRequest request, JenkinsItem job, IReadOnlyDictionary<string, string> values)
    {
        var quiet = TriggerParameters.Delay(request.Query("delay") ?? request.Form.GetValueOrDefault("delay").ToString())
            ?? request.World.Options.QuietPeriod;
        return request.World.Schedule(job, values, UserCause.Of(request.Caller.User), quiet);
    }

    /// <summary>Location is built from the request (scheme/host/port), not the configured root URL.</summary>
    private static string Location(StandInRequest request, QueueEntry item) =>
        request.RequestBase + "queue/item/" + item.Id.ToString(CultureInfo.InvariantCulture) + "/";
}
