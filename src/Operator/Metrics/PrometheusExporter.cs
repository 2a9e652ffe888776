using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace CiBridge.Operator.Metrics;

/// <summary>
/// Collects the CiBridge meters with a <see cref="MeterListener"/> and writes them in the
/// Prometheus text format (prometheus-net is not available here): counters as sums, histograms as
/// cumulative buckets with _sum and _count, gauges as their value at scrape time. Only meters of
/// this host's <see cref="IMeterFactory"/> are read (plus meters made without a factory), so two
/// hosts in one process each export their own counts.
/// </summary>
public sealed class PrometheusExporter : IDisposable
{
    private static readonly double[] s_buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<Instrument, ConcurrentDictionary<string, Series>> _series = new();

    /// <param name="meters">The host's meter factory; meters another factory made are ignored.</param>
    /// <param name="meterPrefixes">Names of the meters to export start with one of these.</param>
    public PrometheusExporter(IMeterFactory? meters, params string[] meterPrefixes)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            var ours = instrument.Meter.Scope is null || ReferenceEquals(instrument.Meter.Scope, meters);
            if (ours && meterPrefixes.Any(p => instrument.Meter.Name.StartsWith(p, StringComparison.Ordinal))) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((i, value, tags, _) => Record(i, value, tags));
        _listener.SetMeasurementEventCallback<int>((i, value, tags, _) => Record(i, value, tags));
        _listener.SetMeasurementEventCallback<double>((i, value, tags, _) => Record(i, value, tags));
        _listener.Start();
    }

    /// <summary>The current values, in the text exposition format (version 0.0.4).</summary>
    public string Scrape()
    {
        _listener.RecordObservableInstruments();
        var text = new StringBuilder();
        foreach (var (instrument, series) in _series.OrderBy(s => s.Key.Name, StringComparer.Ordinal))
        {
            var type = instrument switch { Histogram<double> => "histogram", ObservableGauge<int> or ObservableGauge<long> or ObservableGauge<double> => "gauge", _ => "counter" };
            text.Append(CultureInfo.InvariantCulture, $"# HELP {instrument.Name} {instrument.Description}\n# TYPE {instrument.Name} {type}\n");
            foreach (var (labels, value) in series.OrderBy(s => s.Key, StringComparer.Ordinal)) value.Write(text, instrument.Name, labels, type);
        }
        return text.ToString();
    }

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = string.Join(",", tags.ToArray().OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}=\"{Escape(t.Value)}\""));
        var series = _series.GetOrAdd(instrument, _ => new()).GetOrAdd(labels, _ => new Series());
        series.Add(value, instrument is Histogram<double>, instrument is ObservableGauge<int> or ObservableGauge<long> or ObservableGauge<double>);
    }

    private static string Escape(object? value) =>
        Convert.ToString(value, CultureInfo.InvariantCulture)?.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) ?? "";

    /// <summary>One labelled time series.</summary>
    private sealed class Series
    {
        private readonly Lock _gate = new();
        private readonly long[] _bucketCounts = new long[s_buckets.Length];
        private double _sum;
        private long _count;

        public void Add(double value, bool histogram, bool gauge)
        {
            lock (_gate)
            {
                _sum = gauge ? value : _sum + value;
                _count++;
                if (!histogram) return;
                for (var i = 0; i < s_buckets.Length; i++) if (value <= s_buckets[i]) _bucketCounts[i]++;
            }
        }

        public void Write(StringBuilder text, string name, string labels, string type)
        {
            lock (_gate)
            {
                if (type != "histogram")
                {
                    text.Append(CultureInfo.InvariantCulture, $"{name}{Braces(labels)} {_sum}\n");
                    return;
                }
                var prefix = labels.Length == 0 ? "" : labels + ",";
                for (var i = 0; i < s_buckets.Length; i++) text.Append(CultureInfo.InvariantCulture, $"{name}_bucket{{{prefix}le=\"{s_buckets[i]}\"}} {_bucketCounts[i]}\n");
                text.Append(CultureInfo.InvariantCulture, $"{name}_bucket{{{prefix}le=\"+Inf\"}} {_count}\n{name}_sum{Braces(labels)} {_sum}\n{name}_count{Braces(labels)} {_count}\n");
            }
        }

        private static string Braces(string labels) => labels.Length == 0 ? "" : $"{{{labels}}}";
    }
}
