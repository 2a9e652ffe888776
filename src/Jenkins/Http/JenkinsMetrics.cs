using System.Diagnostics.Metrics;

namespace CiBridge.Jenkins.Http;

/// <summary>Latency of every request to a Jenkins, by endpoint (its base URL, never credentials) and outcome.</summary>
public static class JenkinsMetrics
{
    public const string MeterName = "CiBridge.Jenkins";

    private static readonly Meter s_meter = new(MeterName);
    private static readonly Histogram<double> s_duration = s_meter.CreateHistogram<double>(
        "jenkins_request_duration_seconds", "s", "Jenkins requests by endpoint, method and outcome (HTTP status or error kind).");

    internal static void Record(Uri endpoint, string method, string outcome, TimeSpan elapsed) =>
        s_duration.Record(elapsed.TotalSeconds,
            new KeyValuePair<string, object?>("endpoint", endpoint.GetLeftPart(UriPartial.Path)),
            new KeyValuePair<string, object?>("method", method),
            new KeyValuePair<string, object?>("outcome", outcome));
}
