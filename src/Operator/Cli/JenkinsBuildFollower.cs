using CiBridge.Jenkins;
using CiBridge.Jenkins.Errors;
using CiBridge.Jenkins.Models;
using Spectre.Console;

namespace CiBridge.Operator.Cli;

/// <summary>Follows a queue item to its build and the build to its result, streaming the console
/// (the progress display: queue state changes, then the build's own log, then the result).</summary>
internal sealed class JenkinsBuildFollower(IJenkinsClient client, IAnsiConsole console, TimeSpan pollInterval, bool showConsole)
{
    /// <summary>Returns the finished build, or null when the queue item was cancelled.</summary>
    public async Task<BuildInfo?> FollowAsync(string jobPath, TriggerResult queued, CancellationToken ct)
    {
        var number = queued.BuildNumber ?? await WaitInQueueAsync(jobPath, queued.QueueItemId, ct);
        if (number is null)
        {
            Say("[red]The queue item was cancelled before it started.[/]");
            return null;
        }
        Say($"Build [bold]#{number}[/] started");
        var build = await WaitForEndAsync(jobPath, number.Value, ct);
        var color = build.Result == BuildResults.Success ? "green" : "red";
        Say($"Build #{build.Number} finished: [{color}]{Markup.Escape(build.Result ?? "?")}[/] after {build.Duration:hh\\:mm\\:ss}");
        return build;
    }

    /// <summary>On a terminal a spinner shows the queue state; otherwise each change is one line.</summary>
    private Task<int?> WaitInQueueAsync(string jobPath, long queueItemId, CancellationToken ct)
    {
        if (!showConsole || !console.Profile.Capabilities.Interactive) return WaitForStartAsync(jobPath, queueItemId, Say, ct);
        return console.Status().Spinner(Spinner.Known.Dots).StartAsync(
            "Queued",
            status => WaitForStartAsync(jobPath, queueItemId, markup => status.Status(markup), ct));
    }

    private async Task<int?> WaitForStartAsync(string jobPath, long queueItemId, Action<string> report, CancellationToken ct)
    {
        string? lastWhy = null;
        while (true)
        {
            QueueItem item;
            try
            {
                item = await client.GetQueueItemAsync(queueItemId, ct);
            }
            catch (JenkinsException e) when (e.Kind == JenkinsErrorKind.NotFound)
            {
                var build = await client.FindBuildByQueueIdAsync(jobPath, queueItemId, ct);
                return build?.Number ?? throw new JenkinsException(JenkinsErrorKind.NotFound, $"queue item {queueItemId} expired and no recent build came from it");
            }
            if (item.State == QueueItemState.Cancelled) return null;
            if (item.BuildNumber is { } number) return number;
            if (item.Why != lastWhy) report($"[grey]{item.State}: {Markup.Escape(item.Why ?? "")}[/]");
            lastWhy = item.Why;
            await Task.Delay(pollInterval, TimeProvider.System, ct);
        }
    }

    private async Task<BuildInfo> WaitForEndAsync(string jobPath, int number, CancellationToken ct)
    {
        long offset = 0;
        while (true)
        {
            var chunk = await client.ReadConsoleAsync(jobPath, number, offset, ct);
            if (showConsole && chunk.Text.Length > 0) console.Profile.Out.Writer.Write(chunk.Text);
            offset = chunk.NextOffset;
            var build = await client.GetBuildAsync(jobPath, number, ct);
            if (!build.Building && !chunk.MoreData) return build;
            await Task.Delay(pollInterval, TimeProvider.System, ct);
        }
    }

    private void Say(string markup)
    {
        if (showConsole) console.MarkupLine(markup);
    }
}
