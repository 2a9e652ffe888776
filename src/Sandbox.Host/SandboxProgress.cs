using CiBridge.Entities.CiTasks;
using CiBridge.Entities.JenkinsEndpoints;
using CiBridge.Kubernetes.Client;

namespace CiBridge.Sandbox.Host;

/// <summary>
/// Shows the sandbox's endpoints and tasks as they progress: a timestamped line for each change,
/// in a terminal as in a CI log, so the operator's own log lines interleave cleanly.
/// </summary>
internal sealed class SandboxProgress(IKubernetesClient client, string ns, TimeProvider time)
{
    private static readonly TimeSpan s_refresh = TimeSpan.FromSeconds(1);
    private IReadOnlyDictionary<string, ProgressState> _shown = new Dictionary<string, ProgressState>();

    public async Task RunAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var current = await ReadAsync(ct);
                foreach (var line in ProgressLines.Diff(_shown, current, time.GetLocalNow())) Console.Out.WriteLine(line);
                _shown = current.ToDictionary(StringComparer.Ordinal);
            }
            catch (ApiException)
            {
                // A failed list (a fault injected through /sandbox/faults, say) shows nothing new; the next round reads again.
            }
            await Task.Delay(s_refresh, time, ct);
        }
    }

    private async Task<IReadOnlyList<KeyValuePair<string, ProgressState>>> ReadAsync(CancellationToken ct)
    {
        var options = new ListOptions { Namespace = ns };
        var endpoints = (await client.ListAsync<JenkinsEndpoint>(options, ct)).Items;
        var tasks = (await client.ListAsync<CiTask>(options, ct)).Items;
        return [.. endpoints.Select(ProgressState.Of), .. tasks.Select(ProgressState.Of)];
    }
}
