using System.Globalization;
using CiBridge.Entities.CiTasks;
using CiBridge.Entities.JenkinsEndpoints;
using CiBridge.Kubernetes.Models;

namespace CiBridge.Sandbox.Host;

/// <summary>
/// What a progress line says about one endpoint or task: its <c>Ready</c> status and reason and,
/// for a task, its phase and build. Two equal states print nothing.
/// </summary>
internal sealed record ProgressState(string Ready, string? Reason, string? Phase = null, long? Build = null)
{
    public static KeyValuePair<string, ProgressState> Of(JenkinsEndpoint endpoint)
    {
        var ready = Conditions.Find(endpoint.Status?.Conditions, "Ready");
        return new($"jenkinsendpoint/{endpoint.Metadata.Name}", new ProgressState(ready?.Status ?? "-", ready?.Reason));
    }

    public static KeyValuePair<string, ProgressState> Of(CiTask task)
    {
        var ready = Conditions.Find(task.Status?.Conditions, "Ready");
        var state = new ProgressState(ready?.Status ?? "-", ready?.Reason, task.Status?.Phase ?? "Pending", task.Status?.CurrentRun?.BuildNumber);
        return new($"citask/{task.Metadata.Name}", state);
    }

    /// <summary>
    /// <c>Running build=1 Ready=Unknown</c> for a task, <c>Ready=True Verified</c> for an endpoint;
    /// a reason that only repeats the phase is left out.
    /// </summary>
    public override string ToString()
    {
        var parts = new List<string>();
        if (Phase is not null)
        {
            parts.Add(Phase);
            if (Build is { } build) parts.Add("build=" + build.ToString(CultureInfo.InvariantCulture));
        }
        parts.Add("Ready=" + Ready);
        if (Reason is not null && Reason != Phase) parts.Add(Reason);
        return string.Join(' ', parts);
    }
}
