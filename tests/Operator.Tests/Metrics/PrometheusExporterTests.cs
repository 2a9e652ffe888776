using System.Diagnostics.Metrics;
using CiBridge.Operator.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace CiBridge.Operator.Tests.Metrics;

public sealed class PrometheusExporterTests
{
    [Fact]
    public void Scrape_WritesCountersAndHistogramsInTextFormat()
    {
        var meterName = $"CiBridge.Test.{Guid.NewGuid():N}";
        using var exporter = new PrometheusExporter(null, meterName);
        using var meter = new Meter(meterName);
        var counter = meter.CreateCounter<long>("things_total", description: "Things.");
        var histogram = meter.CreateHistogram<double>("wait_seconds", "s", "Waits.");

        counter.Add(2, new KeyValuePair<string, object?>("kind", "a\"b"));
        counter.Add(3, new KeyValuePair<string, object?>("kind", "a\"b"));
        histogram.Record(0.2);
        histogram.Record(7);

        var text = exporter.Scrape();

        Assert.Contains("# TYPE things_total counter\nthings_total{kind=\"a\\\"b\"} 5\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE wait_seconds histogram\n", text, StringComparison.Ordinal);
        Assert.Contains("wait_seconds_bucket{le=\"0.25\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("wait_seconds_bucket{le=\"10\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("wait_seconds_bucket{le=\"+Inf\"} 2\nwait_seconds_sum 7.2\nwait_seconds_count 2\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Scrape_OfOneHost_DoesNotCountAnotherHostsMeasurements()
    {
        using var first = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var second = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var (firstMeters, secondMeters) = (first.GetRequiredService<IMeterFactory>(), second.GetRequiredService<IMeterFactory>());
        using var exporter = new PrometheusExporter(firstMeters, OperatorMetrics.MeterName);

        new OperatorMetrics(firstMeters).BuildFinished("SUCCESS");
        new OperatorMetrics(secondMeters).BuildFinished("SUCCESS");
        new OperatorMetrics(secondMeters).BuildFinished("SUCCESS");

        Assert.Contains("cibridge_builds_total{result=\"SUCCESS\"} 1\n", exporter.Scrape(), StringComparison.Ordinal);
    }
}
