using System.Globalization;
using System.Text;
using CiBridge.Sandbox.Jenkins.Json;
using CiBridge.Sandbox.Jenkins.Model;

namespace CiBridge.Sandbox.Jenkins.Http;

/// <summary>Routes under <c>/job/X/N/</c> (or a permalink): JSON, console text, stop.</summary>
internal static class BuildRoutes
{
    public static Reply Handle(StandInRequest request, JenkinsItem job, string reference, IReadOnlyList<string> rest)
    {
        var build = Resolve(job, reference);
        if (build is null) return Reply.NotFound();
        return rest switch
        {
            [] => Reply.Page(job.FullDisplayName + " #" + build.Number.ToString(CultureInfo.InvariantCulture)),
            ["api", "json"] => request.Json(BuildJson.Full(build, request.JsonRoot)),
            ["consoleText"] => Reply.Plain(ConsoleNotes.Strip(build.RawLog(request.World.Now))),
            ["logText", "progressiveText" or "progressText"] => Progressive(request, build),
            ["stop" or "term" or "kill"] => Stop(request, build),
            _ => Reply.NotFound(),
        };
    }

    private static BuildRecord? Resolve(JenkinsItem job, string reference)
    {
        if (int.TryParse(reference, NumberStyles.None, CultureInfo.InvariantCulture, out var number)) return job.FindBuild(number);
        var newestFirst = job.Builds.AsEnumerable().Reverse();
        return reference switch
        {
            "lastBuild" => newestFirst.FirstOrDefault(),
            "lastCompletedBuild" => newestFirst.FirstOrDefault(b => !b.Building),
            "lastSuccessfulBuild" => newestFirst.FirstOrDefault(b => b.Result is "SUCCESS" or "UNSTABLE"),
            "lastStableBuild" => newestFirst.FirstOrDefault(b => b.Result == "SUCCESS"),
            "lastFailedBuild" => newestFirst.FirstOrDefault(b => b.Result == "FAILURE"),
            "lastUnstableBuild" => newestFirst.FirstOrDefault(b => b.Result == "UNSTABLE"),
            "lastUnsuccessfulBuild" => newestFirst.FirstOrDefault(b => b.Result is not null and not "SUCCESS"),
            "firstBuild" => job.Builds.FirstOrDefault(),
            _ => null,
        };
    }

    /// <summary>LargeText.doProgressText: offsets in raw bytes, whole lines only while the log grows.</summary>
    private static Reply Progressive(StandInRequest request, BuildRecord build)
    {
        var startText = request.Query("start") ?? "0";
        if (!long.TryParse(startText, NumberStyles.None, CultureInfo.InvariantCulture, out var start))
        {
            return Reply.Oops(500, $"java.lang.NumberFormatException: For input string: \"{startText}\"");
        }
        var raw = Encoding.UTF8.GetBytes(build.RawLog(request.World.Now));
        var complete = !build.Building;
        if (start > raw.Length) start = 0;
        var end = complete ? raw.Length : Array.LastIndexOf(raw, (byte)'\n') + 1;
        if (end < start) end = (int)start;
        var chunk = Encoding.UTF8.GetString(raw, (int)start, end - (int)start);
        var text = ConsoleNotes.Strip(chunk).Replace("\n", "\r\n", StringComparison.Ordinal);
        var reply = Reply.Plain(text) with { GzipLarge = true };
        reply.Headers["X-Text-Size"] = end.ToString(CultureInfo.InvariantCulture);
        if (!complete) reply.Headers["X-More-Data"] = "true";
        return reply;
    }

    private static Reply Stop(StandInRequest request, BuildRecord build)
    {
        if (!request.CanBuild) return Reply.Forbidden(request.Caller, "hudson.model.Item.Cancel");
        if (!request.IsPost) return Reply.PostOnly();
        request.World.Stop(build, request.Caller.User?.FullName ?? "anonymous");
        var referer = request.Http.Request.Headers.Referer.ToString();
        return Reply.Redirect(302, referer.Length > 0 ? referer : request.RequestBase + build.RelativeUrl);
    }
}
