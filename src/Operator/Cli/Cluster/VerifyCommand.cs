using System.CommandLine;
using CiBridge.Entities;
using CiBridge.Entities.Conditions;
using CiBridge.Entities.JenkinsEndpoints;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Models;

namespace CiBridge.Operator.Cli.Cluster;

/// <summary>
/// <c>verify je/NAME</c>: the Endpoints page's "Verify" button through the cluster. Sets
/// <c>cibridge.dev/verify-requested-at</c>, waits until the operator records that value as handled,
/// and prints the verdict; exit 0 only when the endpoint is Ready.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var cluster = new ClusterOptions();
        var target = new Argument<string>("endpoint") { Description = "je/NAME or jenkinsendpoint/NAME." };
        var timeout = new Option<string?>("--timeout") { Description = "How long to wait for the operator's answer (default 60s; 0: no limit).", DefaultValueFactory = _ => "60s" };
        var command = new Command("verify", "Ask the operator to verify a JenkinsEndpoint now and print the outcome.") { target, timeout };
        cluster.AddTo(command);
        command.SetAction((result, ct) => ClusterCliRunner.RunAsync(result, async (output, token) =>
        {
            var name = ObjectArgument.Name(result.GetValue(target), CliKind.JenkinsEndpoint);
            var limit = ClusterPolling.Timeout(result.GetValue(timeout), "--timeout");
            var (client, ns) = cluster.Connect(result);
            using (client as IDisposable)
            {
                var key = new ObjectKey(ns, name);
                var requested = await ObjectReads.RequestAsync<JenkinsEndpoint>(client, key, CiBridgeApi.VerifyRequestedAtAnnotation, token);
                var handled = EndpointStatusFit.HandledRequest(requested);
                var endpoint = await ClusterPolling.UntilAsync<JenkinsEndpoint>(client, key, e => e.Status?.LastHandledVerifyRequest == handled, null,
                    "the operator to answer the verify request (is it running and watching this namespace?)", limit, token);
                await output.WriteLineAsync(EndpointVerdict.Describe(endpoint));
                return Conditions.IsTrue(endpoint.Status?.Conditions, ConditionTypes.Ready) ? ClusterCliRunner.Success : ClusterCliRunner.Failed;
            }
        }, ct));
        return command;
    }
}
