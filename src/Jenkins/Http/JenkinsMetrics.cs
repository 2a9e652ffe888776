using System.Diagnostics.Metrics;

namespace CiBridge.Jenkins.Http;

/// <summary>
/// Latency of every request to a Jenkins, by endpoint (its base URL, never credentials) and outcome.
/// One instance per host, made through its <see cref="IMeterFactory"/>, so two hosts in one process
/// (tests, the sandbox) keep separate counts.
/// </summary>
public sealed class JenkinsMetrics
{
    public const string MeterName = "CiBridge.Jenkins";

    private readonly Histogram<double> _duration;

    public JenkinsMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _duration = meters.Create(MeterName).CreateHistogram<double>(
            "jenkins_request_duration_seconds", "s", "Jenkins requests by endpoint, method and outcome (HTTP status or error kind).");
    }

    internal void Record(Uri endpoint, string method, string outcome, TimeSpan elapsed) =>
        _duration.Record(elapsed.TotalSeconds,
            new KeyValuePair<string, object?>("endpoint", endpoint.GetLeftPart(UriPartial.Path)),
            new KeyValuePair<string, object?>("method", method),
            new KeyValuePair<string, object?>("outcome", outcome));
}
