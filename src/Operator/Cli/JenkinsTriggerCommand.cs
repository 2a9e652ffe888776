using System.CommandLine;
using System.Text.Json.Nodes;
using CiBridge.Jenkins;
using CiBridge.Jenkins.Models;
using Spectre.Console;

namespace CiBridge.Operator.Cli;

/// <summary><c>jenkins trigger --job PATH [--param K=V]… [--wait]</c>: queue a build, optionally follow it to its result.</summary>
internal static class JenkinsTriggerCommand
{
    public static Command Create(IJenkinsClientFactory factory)
    {
        var connection = new JenkinsConnectionOptions();
        var job = new Option<string>("--job") { Description = "Job to build: folder/…/name.", Required = true };
        var parameters = new Option<string[]>("--param") { Description = "Build parameter NAME=VALUE (repeatable)." };
        var wait = new Option<bool>("--wait") { Description = "Follow the build, printing its console, until it finishes; exit 0 only on SUCCESS." };
        var runId = new Option<string?>("--run-id") { Description = "Run id sent as CIBRIDGE_RUN_ID when the job declares it (default: generated)." };
        var poll = new Option<double>("--poll-interval") { Description = "Seconds between polls with --wait.", DefaultValueFactory = _ => 2, Hidden = true };
        var command = new Command("trigger", "Trigger a build of a job.") { job, parameters, wait, runId, poll };
        connection.AddTo(command);
        command.SetAction((result, ct) => JenkinsCliRunner.RunAsync(result, connection, async (console, json) =>
        {
            using var client = factory.Create(connection.Settings(result));
            var request = new TriggerRequest(
                result.GetValue(job)!,
                JenkinsConnectionOptions.Pairs(result.GetValue(parameters), "--param"),
                result.GetValue(runId) ?? "cli-" + Guid.NewGuid().ToString("n")[..12]);
            var queued = await client.TriggerAsync(request, ct);
            if (!json) console.MarkupLine($"Queued [bold]{Markup.Escape(request.JobPath)}[/] as queue item {queued.QueueItemId} ({Markup.Escape(queued.QueueItemUrl.ToString())})");
            if (!result.GetValue(wait))
            {
                if (json) await JenkinsCliRunner.WriteJsonAsync(result, Queued(queued, request));
                return 0;
            }
            var follower = new JenkinsBuildFollower(client, console, TimeSpan.FromSeconds(Math.Max(0.01, result.GetValue(poll))), showConsole: !json);
            var build = await follower.FollowAsync(request.JobPath, queued, ct);
            if (json) await JenkinsCliRunner.WriteJsonAsync(result, Finished(queued, request, build));
            return build?.Result == BuildResults.Success ? 0 : JenkinsCliRunner.Failed;
        }));
        return command;
    }

    private static JsonObject Queued(TriggerResult queued, TriggerRequest request) => new()
    {
        ["job"] = request.JobPath,
        ["runId"] = request.RunId,
        ["queueItemId"] = queued.QueueItemId,
        ["queueItemUrl"] = JenkinsCliRunner.Url(queued.QueueItemUrl),
    };

    private static JsonObject Finished(TriggerResult queued, TriggerRequest request, BuildInfo? build)
    {
        var json = Queued(queued, request);
        json["buildNumber"] = build?.Number;
        json["result"] = build?.Result ?? "CANCELLED";
        json["durationSeconds"] = build?.Duration.TotalSeconds;
        json["url"] = JenkinsCliRunner.Url(build?.Url);
        return json;
    }
}
