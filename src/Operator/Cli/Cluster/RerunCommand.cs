using System.CommandLine;
using CiBridge.Entities;
using CiBridge.Entities.CiTasks;
using CiBridge.Jenkins.Models;
using CiBridge.Kubernetes.Controllers;

namespace CiBridge.Operator.Cli.Cluster;

/// <summary>
/// <c>rerun ct/NAME [--wait]</c>: sets <c>cibridge.dev/run-requested-at</c> (one more run of an
/// unchanged spec, like <c>flux reconcile</c>) and, with <c>--wait</c>, follows that run to its end
/// with one line per change; exit 0 only when its build ends SUCCESS.
/// </summary>
internal static class RerunCommand
{
    public static Command Create()
    {
        var cluster = new ClusterOptions();
        var target = new Argument<string>("task") { Description = "ct/NAME or citask/NAME." };
        var wait = new Option<bool>("--wait") { Description = "Follow the run to its end; exit 0 only when the build ends SUCCESS." };
        var timeout = new Option<string?>("--timeout") { Description = "With --wait: give up after this long (for example 30m; default: no limit)." };
        var command = new Command("rerun", "Ask the operator for one more run of a CiTask.") { target, wait, timeout };
        cluster.AddTo(command);
        command.SetAction((result, ct) => ClusterCliRunner.RunAsync(result, async (output, token) =>
        {
            var name = ObjectArgument.Name(result.GetValue(target), CliKind.CiTask);
            var limit = ClusterPolling.Timeout(result.GetValue(timeout), "--timeout");
            var (client, ns) = cluster.Connect(result);
            using (client as IDisposable)
            {
                var key = new ObjectKey(ns, name);
                var requested = await ObjectReads.RequestAsync<CiTask>(client, key, CiBridgeApi.RunRequestedAtAnnotation, token);
                await output.WriteLineAsync($"citask/{name} run requested ({CiBridgeApi.RunRequestedAtAnnotation}={requested})");
                if (!result.GetValue(wait)) return ClusterCliRunner.Success;
                var progress = new RunProgress(CiTaskStatusFit.HandledRequest(requested), output);
                var task = await ClusterPolling.UntilAsync<CiTask>(client, key, progress.IsFinished, progress.Report, "the requested run to finish", limit, token);
                return task.Status!.CurrentRun!.Result == BuildResults.Success ? ClusterCliRunner.Success : ClusterCliRunner.Failed;
            }
        }, ct));
        return command;
    }
}
