using System.CommandLine;
using CiBridge.Entities.CiTasks;
using CiBridge.Jenkins;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Controllers;

namespace CiBridge.Operator.Cli.Cluster;

/// <summary>
/// <c>logs ct/NAME [-f] [--run N]</c>: a run's Jenkins console, like <c>tkn taskrun logs</c>,
/// with every Secret-sourced parameter value shown as <c>***</c>.
/// </summary>
internal static class LogsCommand
{
    public static Command Create()
    {
        var cluster = new ClusterOptions();
        var target = new Argument<string>("task") { Description = "ct/NAME or citask/NAME." };
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep printing while the build runs (and wait for a queued run's build to start)." };
        var run = new Option<int?>("--run") { Description = "The recorded run (current or in status.history) whose Jenkins build number is N; default: the current run." };
        var command = new Command("logs", "Print the Jenkins console of a CiTask's run, secret parameter values redacted.") { target, follow, run };
        cluster.AddTo(command);
        command.SetAction((result, ct) => ClusterCliRunner.RunAsync(result, async (output, token) =>
        {
            var name = ObjectArgument.Name(result.GetValue(target), CliKind.CiTask);
            var (client, ns) = cluster.Connect(result);
            using (client as IDisposable)
            {
                var key = new ObjectKey(ns, name);
                var task = await ObjectReads.GetAsync<CiTask>(client, key, token);
                var chosen = RunChoice.Pick(task, result.GetValue(run), result.GetValue(follow));
                if (chosen?.BuildNumber is null) chosen = await WaitForBuildAsync(client, key, chosen, result.GetValue(follow), token);
                if (chosen.BuildNumber is not { } build) return await NoBuildAsync(result, name, chosen);
                var (settings, secrets) = await BuildConsoleAccess.ReadAsync(client, task, token);
                using var jenkins = new JenkinsClientFactory().Create(settings);
                var streamer = new ConsoleStreamer(jenkins, new StreamRedactor(secrets), output);
                await streamer.StreamAsync(chosen.Job ?? task.Spec.Job, (int)build, result.GetValue(follow), token);
                return ClusterCliRunner.Success;
            }
        }, ct));
        return command;
    }

    /// <summary>With -f, the current run once its queue item became a build (or ended without one).</summary>
    private static async Task<CiTaskRun> WaitForBuildAsync(IKubernetesReader client, ObjectKey key, CiTaskRun? chosen, bool follow, CancellationToken ct)
    {
        if (!follow) throw new CliUsageException($"citask/{key.Name}: run {chosen?.RunId} has no build yet; -f waits for it");
        var task = await ClusterPolling.UntilAsync<CiTask>(client, key,
            t => t.Status?.CurrentRun is { } current && (current.BuildNumber is not null || current.Result is not null), null, "a build", null, ct);
        return task.Status!.CurrentRun!;
    }

    private static async Task<int> NoBuildAsync(ParseResult result, string name, CiTaskRun run)
    {
        await result.InvocationConfiguration.Error.WriteLineAsync($"error: citask/{name}: run {run.RunId} ended {run.Result} without a Jenkins build");
        return ClusterCliRunner.Failed;
    }
}
