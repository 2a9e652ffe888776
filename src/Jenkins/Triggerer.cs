using System.Text.RegularExpressions;
using CiBridge.Jenkins.Errors;
using CiBridge.Jenkins.Http;
using CiBridge.Jenkins.Models;
using CiBridge.Jenkins.Wire;
using Polly.CircuitBreaker;

namespace CiBridge.Jenkins;

/// <summary>
/// Triggers a build: reads the job's parameters to pick <c>build</c> or <c>buildWithParameters</c>,
/// POSTs once with <c>delay=0sec</c>, and reads the queue item id from <c>Location</c>. A lost
/// response (reset, timeout, 502/503/504 from a proxy) is resolved by the run id; without one, or
/// when the search fails too, the outcome is reported as unknown.
/// </summary>
internal sealed partial class Triggerer(JenkinsTransport transport)
{
    public async Task<TriggerResult> TriggerAsync(TriggerRequest request, JenkinsClient client, CancellationToken ct)
    {
        var job = await client.GetJobAsync(request.JobPath, ct);
        if (!job.Buildable) throw new JenkinsException(JenkinsErrorKind.Conflict, $"'{request.JobPath}' is not buildable (a disabled job, or a folder)");
        var values = Values(request, job);
        var relative = JobPaths.ToRelativeUrl(request.JobPath) + (job.Parameters.Count > 0 ? "buildWithParameters" : "build") + "?delay=0sec";
        JenkinsResponse response;
        try
        {
            response = await transport.PostAsync(relative, values, [201, 303], ct);
        }
        catch (JenkinsException e) when (e.IsTransient && e.InnerException is not BrokenCircuitException)
        {
            return await RecoverAsync(request, job, e, client, ct);
        }
        return new TriggerResult(QueueId(response), QueueUrl(QueueId(response)));
    }

    private static Dictionary<string, string> Values(TriggerRequest request, JenkinsJob job)
    {
        var values = new Dictionary<string, string>(request.Parameters ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        var undeclared = values.Keys.Where(name => !job.HasParameter(name)).ToList();
        if (undeclared.Count > 0)
        {
            throw new JenkinsException(JenkinsErrorKind.InvalidRequest,
                $"job '{request.JobPath}' does not declare the parameter(s) {string.Join(", ", undeclared)}; Jenkins would silently drop them");
        }
        if (request.RunId is { } runId && job.HasParameter(TriggerRequest.RunIdParameter)) values[TriggerRequest.RunIdParameter] = runId;
        return values;
    }

    private async Task<TriggerResult> RecoverAsync(TriggerRequest request, JenkinsJob job, JenkinsException lost, JenkinsClient client, CancellationToken ct)
    {
        if (request.RunId is not { } runId || !job.HasParameter(TriggerRequest.RunIdParameter))
        {
            throw new JenkinsException(lost.Kind, lost.Message + "; the build may or may not have been queued (the job has no CIBRIDGE_RUN_ID parameter to look for it)", lost.StatusCode, lost)
            {
                OutcomeUnknown = true,
            };
        }
        RunLocation? found;
        try
        {
            found = await client.FindRunAsync(request.JobPath, TriggerRequest.RunIdParameter, runId, null, ct);
        }
        catch (JenkinsException e)
        {
            throw new JenkinsException(lost.Kind, lost.Message + $"; looking for {TriggerRequest.RunIdParameter}={runId} failed too ({e.Message}), so whether it was queued is unknown", lost.StatusCode, lost)
            {
                OutcomeUnknown = true,
            };
        }
        if (found?.QueueItemId is { } id) return new TriggerResult(id, QueueUrl(id), Recovered: true, found.Build?.Number);
        throw new JenkinsException(lost.Kind, lost.Message + $"; no queued item or build carries {TriggerRequest.RunIdParameter}={runId}, so it was not queued and may be triggered again", lost.StatusCode, lost);
    }

    private static long QueueId(JenkinsResponse response)
    {
        // Location may be relative (HTTP allows it; a proxy may rewrite it so).
        var match = response.Location is { } location
            ? QueueItemPattern().Match(location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0])
            : Match.Empty;
        if (!match.Success)
        {
            throw new JenkinsException(JenkinsErrorKind.Server, $"trigger answered {response.Status} without a queue item Location", response.Status);
        }
        return long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Rebuilt on the endpoint's base URL: Jenkins' root URL may differ from how we reach it.</summary>
    private Uri QueueUrl(long id) => new(transport.BaseUrl, $"queue/item/{WireReader.Invariant(id)}/");

    [GeneratedRegex(@"/queue/item/(\d+)/?$")]
    private static partial Regex QueueItemPattern();
}
